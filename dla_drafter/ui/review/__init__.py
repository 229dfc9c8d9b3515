"""The review (ตรวจทาน): the panel and its menu, its marks in the form and on the preview,
who I am."""
