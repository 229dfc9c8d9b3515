"""Numbers and signatures (ทะเบียนและลงนาม): issue a number, the register window, sign a PDF,
and the register's place in the settings."""
