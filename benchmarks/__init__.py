"""sidelight's benchmarks: ``python -m benchmarks`` prints one table of named figures."""
