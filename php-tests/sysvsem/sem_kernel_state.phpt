--TEST--
The kernel state of a key (read with FFI semctl): a set of 3 semaphores, SEM = max_acquire - acquired, USAGE = users, SETVAL = 0
--EXTENSIONS--
sysvsem
ffi
--INI--
ffi.enable=1
--FILE--
<?php
$libc = FFI::cdef('int semget(int key, int nsems, int semflg); int semctl(int semid, int semnum, int cmd, ...);', 'libc.so.6');
const GETVAL = 12;
function state($libc, $key) {
    $id = $libc->semget($key, 0, 0);
    if ($id < 0) return "no set";
    $v = [];
    for ($i = 0; $i < 4; $i++) $v[] = $libc->semctl($id, $i, GETVAL);
    return sprintf("SEM=%d USAGE=%d SETVAL=%d fourth=%d", ...$v);
}
$k = ftok(__FILE__, 'k');
$a = sem_get($k, 3);
echo state($libc, $k), "\n";
sem_acquire($a); sem_acquire($a);
echo state($libc, $k), "\n";
$b = sem_get($k, 10);                    // a second user: max_acquire unchanged
echo state($libc, $k), "\n";
sem_acquire($b);
echo state($libc, $k), "\n";
unset($b);                               // auto_release: usage and acquisition given back
echo state($libc, $k), "\n";
sem_release($a);
echo state($libc, $k), "\n";
$c = sem_get($k, 1, 0666, false);
sem_acquire($c);
unset($c);                               // no auto_release: kept (until exit, SEM_UNDO)
echo state($libc, $k), "\n";
sem_remove($a);
echo state($libc, $k), "\n";
?>
--EXPECT--
SEM=3 USAGE=1 SETVAL=0 fourth=-1
SEM=1 USAGE=1 SETVAL=0 fourth=-1
SEM=1 USAGE=2 SETVAL=0 fourth=-1
SEM=0 USAGE=2 SETVAL=0 fourth=-1
SEM=1 USAGE=1 SETVAL=0 fourth=-1
SEM=2 USAGE=1 SETVAL=0 fourth=-1
SEM=1 USAGE=2 SETVAL=0 fourth=-1
no set
