"""公文 on the exchange server: 发文 routes, 分发, 收文 per unit, 文号 and 收文编号 allocation."""
