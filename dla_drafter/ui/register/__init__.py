"""ทะเบียนและลงนาม: ออกเลขหนังสือ, the register window, ลงนาม, and the register's place in
the settings."""
