-- Neovim's start-up for scripts/editor-screenshot.sh: opens the shipped rules with `dealgate lsp`
-- attached, makes a typo (a diagnostic appears), then starts a new condition `require a` and
-- asks for completion, as a person would with <C-x><C-o>. Writes $READY when the picture is set.
-- (Not `require value.`: a half-written path is a syntax error, and after one the checker does
-- not run, so the typo's diagnostic would give way to "expected a name".)
local binary = assert(os.getenv('DEALGATE_BINARY'))
local rules = assert(os.getenv('DEALGATE_RULES'))
local ready = assert(os.getenv('READY'))

vim.o.number = true
vim.o.signcolumn = 'yes'
vim.o.laststatus = 2
vim.o.completeopt = 'menuone,noinsert'
vim.o.pumheight = 8
vim.o.shortmess = vim.o.shortmess .. 'cI'
vim.diagnostic.config({ virtual_text = { prefix = '●' }, underline = true, signs = true, update_in_insert = true })
vim.cmd([[
  highlight Pmenu ctermbg=238 ctermfg=252
  highlight PmenuSel ctermbg=31 ctermfg=255
  highlight LineNr ctermfg=242
  highlight StatusLine ctermbg=238 ctermfg=252 cterm=NONE
]])

vim.cmd('edit ' .. vim.fn.fnameescape(rules .. '/delivery_entry.gate'))
vim.cmd('syntax on | set syntax=conf')  -- Neovim has no .gate syntax: `#` comments and strings
local buf = vim.api.nvim_get_current_buf()
local client = vim.lsp.start_client({ name = 'dealgate', cmd = { binary, 'lsp' }, root_dir = rules })
vim.lsp.buf_attach_client(buf, client)
vim.bo[buf].omnifunc = 'v:lua.vim.lsp.omnifunc'

local function line_of(text)
  for i, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if l:find(text, 1, true) then return i end
  end
end

vim.defer_fn(function()
  local typo = line_of('requires solution_defined')
  vim.api.nvim_buf_set_lines(buf, typo - 1, typo, false, { '  requires solution_defind' })
  vim.fn.winrestview({ topline = typo - 4 })
  vim.defer_fn(function()
    local after = line_of('require by_finance:') + 1
    vim.api.nvim_buf_set_lines(buf, after, after, false, { '  require a' })
    vim.api.nvim_win_set_cursor(0, { after + 1, 0 })
    vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes('A<C-x><C-o>', true, false, true), 'n', false)
    vim.defer_fn(function() vim.fn.writefile({ 'ready' }, ready) end, 1500)
  end, 1500)
end, 1500)
