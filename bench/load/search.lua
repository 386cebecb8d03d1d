-- wrk scenario "search": see common.lua (arguments: tokens, ids file, pipeline, search path).
SCENARIO = "search"
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")
