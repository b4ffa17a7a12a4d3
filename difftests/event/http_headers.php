<?php
// Needs EventHttp (PECL event's EventHttpRequest; php-ipc's once it exists).
// EventHttpRequest's header list without a connection: addHeader's checks
// (CR/LF in names, folded values), duplicates, case-insensitive find and
// remove, NUL bytes, clearHeaders (output headers only); setCallback on a
// path already set. Mirrored by ipc-core's Headers and ServerConfig tests.
if (!class_exists('EventHttpRequest')) { echo "#SKIP needs EventHttp\n"; exit(0); }

$req = new EventHttpRequest(function () {});
$O = EventHttpRequest::OUTPUT_HEADER;
$I = EventHttpRequest::INPUT_HEADER;
$adds = [
    ['X-A', 'one'], ['x-a', 'two'], ['X-B', ''], ['', 'empty name'],
    ["X-Bad\r", 'v'], ["X-Bad\n", 'v'], ['X-Fold', "a\r\n b"], ['X-Fold2', "a\n\tb"],
    ['X-Broken', "a\r\nb"], ['X-Broken2', "a\rb"], ['X-End', "a\r\n"], ["X-Nul\0tail", "v\0tail"],
    ['X-Space Name', 'v'], ['X-Colon:', 'v'],
];
foreach ($adds as [$k, $v]) {
    echo json_encode($k), ' => ', json_encode($v), ': ';
    var_dump($req->addHeader($k, $v, $O));
}
echo json_encode($req->getOutputHeaders()), "\n";
foreach (['X-A', 'x-A', 'X-B', '', 'X-Nul', "X-Nul\0tail", 'missing'] as $k) {
    echo 'find ', json_encode($k), ': ', json_encode($req->findHeader($k, $O)), "\n";
}
foreach (['x-a', 'X-A', 'X-A', 'missing'] as $k) {
    echo 'remove ', json_encode($k), ': ';
    var_dump($req->removeHeader($k, $O));
}
echo json_encode($req->getOutputHeaders()), "\n";
var_dump($req->addHeader('In', 'put', $I));
echo json_encode($req->getInputHeaders()), "\n";
$req->clearHeaders();
echo json_encode([$req->getOutputHeaders(), $req->getInputHeaders()]), "\n";
// setCallback(): a path already set is refused with a warning; paths are
// compared exactly (case counts); the empty path is a path like any other.
$base = new EventBase();
$http = new EventHttp($base);
foreach (['/a', '/a', '/A', ''] as $path) {
    echo 'setCallback ', json_encode($path), ': ';
    var_dump($http->setCallback($path, function () {}));
}
