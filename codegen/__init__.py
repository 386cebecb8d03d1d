"""Contracts in, generated code out.

    contracts/*.json --load--> Contract files (checked against the 2020-12 meta-schema
    and codegen/vocabulary.json) --lint--> the subset every emitter translates exactly
    --model--> one ContractSet (a bundle of named schemas + resources + reports)
    --emit/*--> generated/python, generated/tables.py, generated/zod, openapi.yaml

This package reads contracts/ as files and imports no package of ours.
"""
