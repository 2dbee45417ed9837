"""变更日志 (change log): the by-sequence index every pull reads."""
