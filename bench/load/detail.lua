-- wrk scenario "detail": see common.lua (arguments: token, writer token, ids file, pipeline).
SCENARIO = "detail"
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")
