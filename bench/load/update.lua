-- wrk scenario "update": see common.lua (arguments: tokens, ids file, pipeline, search path).
SCENARIO = "update"
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")
