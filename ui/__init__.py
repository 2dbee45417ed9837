"""The desktop client (PySide6): windows, views, item models and dialogs over app.services.

The user's words, as they appear translated in the zh_CN interface: 待办 (my work), 收文 (incoming
documents), 发文 (outgoing documents), 会签 (countersigning), 会议室 (meeting rooms), 用车 (vehicles),
通知公告 (notices), 通讯录 (directory), 待发送 (changes waiting to be sent), 离线/在线 (offline/online),
被退回的更改 (changes the server sent back), 阅读情况 (who has read a notice), 详细信息 (details).
"""
