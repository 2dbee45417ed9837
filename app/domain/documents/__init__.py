"""公文 rules: routes (核稿 → 会签 → 签发), 收文 life, 文号, GB/T 33480 metadata. Pure, no I/O."""
