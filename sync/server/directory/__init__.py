"""通讯录 (directory): units, departments, people and roles, published to the "directory" scope."""
