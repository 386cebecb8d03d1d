"""Operations that span resources, each one unit of work (`Scope.atomic()`).

A flow reads and writes only through the Scope it is given, so tenancy, visibility and the
session guard hold for every statement, and a failure anywhere rolls all of it back.
"""
