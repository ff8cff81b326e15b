-- `dealgate lsp` driven by a real client: Neovim's built-in LSP client, headless.
-- Run by CTest (tests/CMakeLists.txt, test `neovim_lsp`):
--   DEALGATE_BINARY=... DEALGATE_RULES=<a copy of rules/> nvim --headless --clean -c 'luafile THIS'
-- Opens the shipped rules' delivery.gate, waits for its diagnostics, makes a typo and checks the
-- diagnostic Neovim shows (line, byte column after an emoji, message), then asks for completion,
-- hover, go to definition and formatting, and checks each answer. Exits 0 when every check holds.

local binary = assert(os.getenv('DEALGATE_BINARY'), 'DEALGATE_BINARY is not set')
local rules = assert(os.getenv('DEALGATE_RULES'), 'DEALGATE_RULES is not set')
local timeout = 20000
local failures = 0
local exit_code = nil

local function check(ok, what)
  io.stderr:write((ok and 'ok   ' or 'FAIL ') .. what .. '\n')
  if not ok then failures = failures + 1 end
  return ok
end

local function lines_of(path)
  local out = {}
  for line in io.lines(path) do table.insert(out, line) end
  return out
end

-- Counts the diagnostics published per URI, then lets Neovim show them as usual.
local published = {}
local show = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  published[result.uri] = (published[result.uri] or 0) + 1
  return show(err, result, ctx, config)
end

local function wait_for_publish(uri, count)
  return vim.wait(timeout, function() return (published[uri] or 0) >= count end, 20)
end

local function find_line(buf, needle)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local col = line:find(needle, 1, true)
    if col then return i - 1, col - 1 end
  end
  error('no line holds ' .. needle)
end

-- textDocument/* params at a 0-based line and byte column, the column converted to UTF-16 as
-- Neovim converts it. (Not through the cursor: in Normal mode it cannot stand after a line's end.)
local function params_at(buf, line, byte_col)
  local text = vim.api.nvim_buf_get_lines(buf, line, line + 1, false)[1]
  local _, utf16 = vim.str_utfindex(text, byte_col)
  return { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = line, character = utf16 } }
end

local function main()
  local path = rules .. '/delivery.gate'
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local buf = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(buf)
  local client_id = vim.lsp.start_client({
    name = 'dealgate',
    cmd = { binary, 'lsp' },
    root_dir = rules,
    on_exit = function(code) exit_code = code end,
  })
  assert(client_id, 'the client did not start')
  vim.lsp.buf_attach_client(buf, client_id)
  local client = vim.lsp.get_client_by_id(client_id)

  -- 1. The shipped rules check clean: an empty list is published for the file.
  check(wait_for_publish(uri, 1), 'diagnostics published on open')
  check(#vim.diagnostic.get(buf) == 0, 'the shipped rules have no diagnostics')
  check(client.server_capabilities.completionProvider ~= nil, 'the server offers completion')

  -- 2. A typo, after an emoji (4 bytes, 2 UTF-16 units): Neovim places it at the right byte.
  local line = find_line(buf, 'require after_value:')
  local typo = '  require after_value: lower("😀") == "x" or proposal.prepared_on >= value.confirmd_on'
  local before = published[uri]
  vim.api.nvim_buf_set_lines(buf, line, line + 1, false, { typo })
  check(wait_for_publish(uri, before + 1), 'diagnostics published after the change')
  vim.wait(timeout, function() return #vim.diagnostic.get(buf) > 0 end, 20)
  local diagnostics = vim.diagnostic.get(buf)
  if check(#diagnostics == 1, 'one diagnostic for the typo (got ' .. #diagnostics .. ')') then
    local d = diagnostics[1]
    check(d.lnum == line, 'on the changed line (' .. d.lnum .. ')')
    local byte_col = typo:find('value.confirmd_on', 1, true) - 1
    check(d.col == byte_col, 'at byte column ' .. byte_col .. ' (got ' .. d.col .. ')')
    check(d.end_col == byte_col + #'value.confirmd_on', 'underlining the path (to ' .. d.end_col .. ')')
    check(d.severity == vim.diagnostic.severity.ERROR, 'an error')
    check(d.message == '`value.confirmd_on` is not a declared fact\nhelp: did you mean `value.confirmed_on`?',
      'the message `dealgate check` gives: ' .. d.message)
    check(d.source == 'dealgate', 'from dealgate')
  end

  -- 3. Completion of a record's fields (declared in the other file of the folder).
  -- Neovim sends a change a moment later (debounced); the diagnostics after it say it arrived.
  before = published[uri]
  vim.api.nvim_buf_set_lines(buf, line + 1, line + 1, false, { '  require value.' })
  check(wait_for_publish(uri, before + 1), 'the half-written line reached the server')
  local params = params_at(buf, line + 1, #'  require value.')
  local reply = client.request_sync('textDocument/completion', params, timeout, buf)
  local labels = {}
  for _, item in ipairs((reply and reply.result and reply.result.items) or {}) do labels[item.label] = item end
  check(labels['confirmed_on'] ~= nil and labels['benefits'] ~= nil, 'completion offers value\'s fields')
  check(labels['confirmed_on'] and labels['confirmed_on'].detail == 'date', 'with their types')
  check(labels['proposal'] == nil, 'and nothing else')
  before = published[uri]
  vim.api.nvim_buf_set_lines(buf, line + 1, line + 2, false, {})
  wait_for_publish(uri, before + 1)

  -- 4. Hover on a fact: its declared type and comment.
  local hover_line, hover_col = find_line(buf, 'signed_off_by')
  reply = client.request_sync('textDocument/hover', params_at(buf, hover_line, hover_col + 2), timeout, buf)
  local text = reply and reply.result and reply.result.contents.value or ''
  check(text:find('delivery.signed_off_by: string', 1, true) ~= nil, 'hover shows the type: ' .. text)
  check(text:find('role of the contact who signed off', 1, true) ~= nil, 'and the comment')

  -- 5. Go to definition: `value` is declared in delivery_entry.gate.
  local value_col = typo:find('value.confirmd_on', 1, true) - 1
  reply = client.request_sync('textDocument/definition', params_at(buf, line, value_col + 1), timeout, buf)
  local location = reply and reply.result
  check(location and location.uri == vim.uri_from_fname(rules .. '/delivery_entry.gate'),
    'definition in the other file: ' .. vim.inspect(location and location.uri))

  -- 6. Formatting: a badly laid out buffer comes back as the shipped (formatted) file.
  local original = lines_of(path)
  local messy = {}
  for _, l in ipairs(original) do
    table.insert(messy, (l:gsub('^  require', '        require'):gsub(' {$', '{')))
  end
  before = published[uri]
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, messy)
  check(wait_for_publish(uri, before + 1), 'the messy buffer reached the server')
  reply = client.request_sync('textDocument/formatting',
    { textDocument = { uri = uri }, options = { tabSize = 2, insertSpaces = true } }, timeout, buf)
  check(reply and reply.result and #reply.result == 1, 'formatting gives one edit')
  vim.lsp.util.apply_text_edits(reply.result, buf, client.offset_encoding)
  check(vim.deep_equal(vim.api.nvim_buf_get_lines(buf, 0, -1, false), original),
    'the formatted buffer is the file as `dealgate fmt` lays it out')

  -- 7. Shutdown and exit: the server ends with 0.
  client.stop()
  check(vim.wait(timeout, function() return exit_code ~= nil end, 20), 'the server exits')
  check(exit_code == 0, 'with code 0 (' .. tostring(exit_code) .. ')')
end

local ok, err = pcall(main)
if not ok then
  io.stderr:write('FAIL ' .. tostring(err) .. '\n')
  failures = failures + 1
end
io.stderr:write(failures == 0 and 'neovim_lsp: all checks passed\n' or ('neovim_lsp: ' .. failures .. ' failed\n'))
vim.cmd(failures == 0 and 'qall!' or 'cquit 1')
