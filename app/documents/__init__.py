"""公文 bodies in and out: .docx/.txt import, 痕迹 and 清稿, GB/T 9704-2012 PDF. Qt-free."""
