<?php
// socket_sendmsg's AF_UNIX "name": the address length native computes (the
// path up to its first NUL; for an abstract or absent path, the leading NUL
// plus the name up to the next one) decides the kernel's answer.
foreach ([null, "", "\0abc", "\0ab\0cd", "/nonexistent-dir-for-php-ipc/a\0b", "/nonexistent-dir-for-php-ipc/x"] as $p) {
    $s = socket_create(AF_UNIX, SOCK_DGRAM, 0);
    $name = $p === null ? [] : ["path" => $p];
    $r = socket_sendmsg($s, ["name" => $name, "iov" => ["x"]], 0);
    echo json_encode($p), ": ";
    var_dump($r, socket_last_error($s));
    socket_close($s);
}
