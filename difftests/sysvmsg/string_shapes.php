<?php
// Strings handed back through by-reference parameters and return values have
// native's shape (debug_zval_dump: refcounted or interned), including "" and
// one-byte strings, for sysvmsg, sockets and sysvshm.
$q = msg_get_queue(ftok(__FILE__, 'z'));
$s = shm_attach(ftok(__FILE__, 'w'), 1000);
try {
    foreach (["x", "", "two"] as $v) {
        msg_send($q, 1, $v, false); msg_receive($q, 0, $t, 10, $m, false); debug_zval_dump($m);
        msg_send($q, 1, $v); msg_receive($q, 0, $t, 10, $m); debug_zval_dump($m);
        shm_put_var($s, 1, $v); debug_zval_dump(shm_get_var($s, 1));
    }
    socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p);
    socket_write($p[0], "a"); socket_recv($p[1], $buf, 10, 0); debug_zval_dump($buf);
    socket_write($p[0], "b"); debug_zval_dump(socket_read($p[1], 10));
    socket_getsockname($p[0], $addr); debug_zval_dump($addr);
} finally {
    msg_remove_queue($q);
    shm_remove($s);
}
