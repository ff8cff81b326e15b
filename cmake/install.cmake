# `cmake --install`: the library (static, plus libdealgate.so when DEALGATE_SHARED_VARIANT), the
# public headers, the `dealgate` program, the shipped rules and example deals, a CMake package
# (find_package(dealgate) → dealgate::dealgate) and a pkg-config file (dealgate.pc).
include(CMakePackageConfigHelpers)

set(DEALGATE_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/dealgate)
set(dealgate_libraries dealgate_lib)
if(TARGET dealgate_shared)
  list(APPEND dealgate_libraries dealgate_shared)
endif()

install(TARGETS ${dealgate_libraries} EXPORT dealgateTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_SOURCE_DIR}/include/dealgate/dealgate.hpp
              ${PROJECT_SOURCE_DIR}/include/dealgate/dealgate.h
              ${PROJECT_BINARY_DIR}/include/dealgate/version.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/dealgate)
if(TARGET dealgate)
  install(TARGETS dealgate RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
install(DIRECTORY ${PROJECT_SOURCE_DIR}/rules/ DESTINATION ${CMAKE_INSTALL_DATADIR}/dealgate/rules
        FILES_MATCHING PATTERN "*.gate" PATTERN "*.md")
install(FILES ${PROJECT_SOURCE_DIR}/examples/deals.jsonl
              ${PROJECT_SOURCE_DIR}/examples/enterprise.gate
        DESTINATION ${CMAKE_INSTALL_DATADIR}/dealgate/examples)

install(EXPORT dealgateTargets NAMESPACE dealgate:: DESTINATION ${DEALGATE_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/dealgateConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/dealgateConfig.cmake
                              INSTALL_DESTINATION ${DEALGATE_CMAKE_DIR})
# 0.x: a minor version may change the API.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/dealgateConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/dealgateConfig.cmake
              ${PROJECT_BINARY_DIR}/dealgateConfigVersion.cmake
        DESTINATION ${DEALGATE_CMAKE_DIR})

# pkg-config: the prefix is found from the .pc file's own place, so the package can be moved.
file(RELATIVE_PATH DEALGATE_PC_TO_PREFIX ${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig
     ${CMAKE_INSTALL_PREFIX})
configure_file(${PROJECT_SOURCE_DIR}/cmake/dealgate.pc.in ${PROJECT_BINARY_DIR}/dealgate.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/dealgate.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
