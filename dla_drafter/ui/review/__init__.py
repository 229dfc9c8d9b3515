"""ตรวจทาน: the review panel, its marks in the form and on the preview, who I am."""
