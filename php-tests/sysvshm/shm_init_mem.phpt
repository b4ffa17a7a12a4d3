--TEST--
sysvshm.init_mem: the default size, read from the configuration like native (not an ini_get() entry)
--EXTENSIONS--
sysvshm
shmop
--INI--
sysvshm.init_mem=4321
--FILE--
<?php
$k = ftok(__FILE__, 'i');
$s = shm_attach($k);
var_dump(shmop_size(shmop_open($k, "a", 0, 0)));
shm_remove($s);
var_dump(ini_get('sysvshm.init_mem'));
?>
--EXPECT--
int(4321)
bool(false)
