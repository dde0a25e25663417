-- Neovim setup for the README screenshot (bench/nvim/screenshot.sh).
vim.opt.rtp:prepend(os.getenv("SHIJIAN_ROOT"))
vim.o.termguicolors = true
vim.o.number = true
vim.o.wrap = true
vim.o.linebreak = false
vim.o.laststatus = 2
vim.o.showmode = false
vim.o.swapfile = false
vim.cmd("filetype on")
vim.g.shijian = { virtual_text = { time = true } }
vim.cmd("highlight Normal guibg=#1d2021 guifg=#ebdbb2")
vim.cmd("highlight LineNr guifg=#665c54")
vim.cmd("highlight Comment guifg=#928374")
vim.cmd("highlight Special guifg=#fe8019 gui=bold")
vim.cmd("highlight Identifier guifg=#83a598 gui=bold")
vim.cmd("highlight Type guifg=#b8bb26")
vim.cmd("highlight PreProc guifg=#d3869b gui=italic")
vim.cmd("highlight Constant guifg=#8ec07c")
vim.cmd("highlight Statement guifg=#fabd2f gui=underline")
vim.cmd("highlight StatusLine guibg=#3c3836 guifg=#ebdbb2 gui=NONE")
vim.cmd("highlight StatusLineNC guibg=#32302f guifg=#a89984 gui=NONE")
vim.cmd("highlight QuickFixLine guibg=#3c3836")
vim.cmd("highlight qfFileName guifg=#83a598")
vim.cmd("highlight qfLineNr guifg=#928374")
vim.api.nvim_create_autocmd("VimEnter", { callback = function()
  vim.defer_fn(function()
    vim.cmd("Shijian events")
    vim.cmd("resize 7")
    vim.cmd("wincmd p")
    vim.api.nvim_win_set_cursor(0, { 7, 6 })
    vim.cmd("Shijian info")
  end, 500)
end })
