-- wrk scenario "list_all": see common.lua (arguments: tokens, ids file, pipeline, search path).
SCENARIO = "list_all"
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")
