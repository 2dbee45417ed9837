"""车辆管理 (vehicles): each unit's fleet and drivers, 用车申请, 审批, 派车 and 出车/回车."""
