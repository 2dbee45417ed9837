"""文件共享 (shared files): cabinets, folders, file versions, shares, 密级 and unit quotas."""
