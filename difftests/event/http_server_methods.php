<?php
// EventHttp's methods outside a connection: argument errors (TypeError,
// ArgumentCountError, "Invalid file descriptor"), bind() results and
// getaddrinfo warnings, accept() on sockets and streams, setCallback()
// duplicates, server aliases, allowed methods and sizes.
if (!class_exists('EventHttp')) { echo "#SKIP needs EventHttp\n"; exit(0); }

function t(string $label, callable $f): void {
    try {
        $r = $f();
        echo "$label: ", var_export($r, true), "\n";
    } catch (Throwable $e) {
        echo "$label: ", get_class($e), ": ", $e->getMessage(), "\n";
    }
}

$base = new EventBase();
$http = new EventHttp($base);
t('ctor no args', fn() => new EventHttp());
t('ctor int base', fn() => new EventHttp(1));
t('ctor bad ctx', fn() => new EventHttp($base, 5));
t('ctor null ctx', fn() => get_class(new EventHttp($base, null)));
t('ctor too many', fn() => new EventHttp($base, null, 1));
t('ctor client ctx', fn() => get_class(new EventHttp($base, new EventSslContext(EventSslContext::TLS_CLIENT_METHOD, []))));

// bind: a free port, the same port again, unknown hosts, bad arguments.
t('bind 127.0.0.1:0', fn() => $http->bind('127.0.0.1', 0));
$s = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($s, '127.0.0.1', 0);
socket_listen($s, 4);
socket_getsockname($s, $a, $busy);
t('bind busy port', fn() => $http->bind('127.0.0.1', $busy));
t('bind not local', fn() => $http->bind('192.0.2.1', 0));
t('bind bad ip', fn() => $http->bind('256.1.1.1', 0));
t('bind empty', fn() => $http->bind('', 0));
t('bind localhost', fn() => $http->bind('localhost', 0));
t('bind ::1', fn() => $http->bind('::1', 0));
t('bind array', fn() => $http->bind([], 0));
t('bind port string', fn() => $http->bind('127.0.0.1', 'x'));
t('bind one arg', fn() => $http->bind('127.0.0.1'));

// accept: sockets (listening or not), streams, closed sockets, bad values.
t('accept listening socket', fn() => $http->accept($s));
$s2 = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
t('accept unlistened socket', fn() => $http->accept($s2));
$s3 = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_close($s3);
t('accept closed socket', fn() => $http->accept($s3));
$l = stream_socket_server('tcp://127.0.0.1:0');
t('accept stream server', fn() => $http->accept($l));
t('accept memory stream', fn() => $http->accept(fopen('php://memory', 'r')));
t('accept -1', fn() => $http->accept(-1));
t('accept string', fn() => $http->accept('x'));
t('accept object', fn() => $http->accept(new stdClass));
t('accept null', fn() => $http->accept(null));
t('accept no args', fn() => $http->accept());

// Callbacks: duplicates warn and return false; setCallback does not check
// the callable, setDefaultCallback does.
t('setCallback', fn() => $http->setCallback('/a', function () {}));
t('setCallback same path', fn() => $http->setCallback('/a', function () {}));
t('setCallback other path', fn() => $http->setCallback('/b', 'strlen', ['arg']));
t('setCallback not callable', fn() => $http->setCallback('/c', 'no_such_function'));
t('setCallback nul path', fn() => $http->setCallback("/a\0x", function () {}));
t('setCallback one arg', fn() => $http->setCallback('/d'));
t('setCallback array path', fn() => $http->setCallback([], 'strlen'));
t('setDefaultCallback', fn() => $http->setDefaultCallback(function () {}, 1));
t('setDefaultCallback not callable', fn() => $http->setDefaultCallback('no_such_function'));
t('setDefaultCallback none', fn() => $http->setDefaultCallback());

// Switches.
t('setAllowedMethods', fn() => $http->setAllowedMethods(EventHttpRequest::CMD_GET));
t('setAllowedMethods -1', fn() => $http->setAllowedMethods(-1));
t('setAllowedMethods string', fn() => $http->setAllowedMethods('x'));
t('setAllowedMethods float', fn() => $http->setAllowedMethods(1.5));
t('setMaxBodySize', fn() => $http->setMaxBodySize(10));
t('setMaxBodySize -1', fn() => $http->setMaxBodySize(-1));
t('setMaxBodySize string', fn() => $http->setMaxBodySize('big'));
t('setMaxHeadersSize', fn() => $http->setMaxHeadersSize(100));
t('setMaxHeadersSize null', fn() => $http->setMaxHeadersSize(null));
t('setTimeout', fn() => $http->setTimeout(5));
t('setTimeout 0', fn() => $http->setTimeout(0));
t('setTimeout array', fn() => $http->setTimeout([]));
t('addServerAlias', fn() => $http->addServerAlias('a.test'));
t('addServerAlias again', fn() => $http->addServerAlias('a.test'));
t('removeServerAlias', fn() => $http->removeServerAlias('a.test'));
t('removeServerAlias again', fn() => $http->removeServerAlias('a.test'));
t('removeServerAlias unknown', fn() => $http->removeServerAlias('b.test'));
t('addServerAlias empty', fn() => $http->addServerAlias(''));
t('addServerAlias none', fn() => $http->addServerAlias());

// EventHttpRequest constants and a request made here (client side).
foreach ((new ReflectionClass('EventHttpRequest'))->getConstants() as $k => $v) echo "$k=$v ";
echo "\n";
t('request ctor no callable', fn() => new EventHttpRequest('no_such_function'));
t('request ctor none', fn() => new EventHttpRequest());
$r = new EventHttpRequest(function () {}, 'data');
t('request getCommand', fn() => $r->getCommand());
t('request getResponseCode', fn() => $r->getResponseCode());
t('request addHeader output', fn() => $r->addHeader('X-A', '1', EventHttpRequest::OUTPUT_HEADER));
t('request addHeader input', fn() => $r->addHeader('X-B', '2', EventHttpRequest::INPUT_HEADER));
t('request addHeader other kind', fn() => $r->addHeader('X-C', '3', 7));
t('request addHeader CR', fn() => $r->addHeader('X-D', "a\r\nb", EventHttpRequest::OUTPUT_HEADER));
t('request addHeader LF name', fn() => $r->addHeader("X\nE", 'v', EventHttpRequest::OUTPUT_HEADER));
t('request addHeader numeric name', fn() => $r->addHeader('42', 'n', EventHttpRequest::OUTPUT_HEADER));
t('request addHeader bad kind type', fn() => $r->addHeader('X', 'v', 'x'));
t('request findHeader', fn() => $r->findHeader('x-a', EventHttpRequest::OUTPUT_HEADER));
t('request findHeader input', fn() => $r->findHeader('X-C', EventHttpRequest::INPUT_HEADER));
t('request findHeader missing', fn() => $r->findHeader('X-A', EventHttpRequest::INPUT_HEADER));
t('request getOutputHeaders', fn() => $r->getOutputHeaders());
t('request getInputHeaders', fn() => $r->getInputHeaders());
t('request removeHeader', fn() => $r->removeHeader('X-A', EventHttpRequest::OUTPUT_HEADER));
t('request removeHeader again', fn() => $r->removeHeader('X-A', EventHttpRequest::OUTPUT_HEADER));
t('request clearHeaders', fn() => $r->clearHeaders());
t('request after clear', fn() => [$r->getInputHeaders(), $r->getOutputHeaders()]);
t('request getInputBuffer', fn() => $r->getInputBuffer()->length);
t('request getOutputBuffer', fn() => $r->getOutputBuffer()->length);
t('request getBufferEvent', fn() => $r->getBufferEvent());
t('request getConnection', fn() => $r->getConnection());
t('request sendReplyChunk type', fn() => $r->sendReplyChunk('x'));
t('request sendReply type', fn() => $r->sendReply('x', 'OK'));
t('request sendError too many', fn() => $r->sendError(500, 'x', 1));
t('request free', fn() => $r->free());
t('request free again', fn() => $r->free());
t('request after free', fn() => $r->getCommand());
// Object handlers: no properties shown (dynamic ones included), standard
// comparison, no cloning.
$h1 = new EventHttp($base);
$h2 = new EventHttp($base);
$r1 = new EventHttpRequest(function () {});
t('http ==', fn() => [$h1 == $h2, $h1 == $h1, $h1 < $h2, $r1 == new EventHttpRequest('strlen')]);
@$h1->dyn = 5;
@$r1->dyn = 6;
foreach ([$h1, $r1] as $o) {
    ob_start();
    var_dump($o);
    echo preg_replace('/#\d+/', '#N', ob_get_clean());
    print_r($o); echo "\n";
    t('get_object_vars', fn() => get_object_vars($o));
    t('cast', fn() => (array) $o);
    t('json', fn() => json_encode($o));
    t('var_export', fn() => var_export($o, true));
    t('clone', fn() => clone $o);
}
echo "done\n";
