# The corpus holds files named like tests (test_*.py, *_test.py, *.spec.js...) that are data, not tests.
collect_ignore_glob = ['positives/*', 'negatives/*']
