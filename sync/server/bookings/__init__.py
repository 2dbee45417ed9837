"""会议室 (meeting rooms): rooms of each unit and their bookings, arbitrated in arrival order."""
