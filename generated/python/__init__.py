"""Python outputs: generated from contracts/ by python -m codegen; do not edit."""
