"""jixiao_web: the web application (Django) for departments and the finance bureau.

The domain library :mod:`jixiao` never imports Django; this package imports jixiao's public
API (read, read_text, score, check, serialize, writers) and adds organisations, rounds,
the submission workflow, review, overview and public pages.
"""
