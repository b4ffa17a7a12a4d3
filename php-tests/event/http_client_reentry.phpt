--TEST--
EventHttpConnection: the connection destroyed from its own request or close callback, and a callback that throws (PECL: segfault in each case)
--EXTENSIONS--
event
--FILE--
<?php
$base = new EventBase();
$http = new EventHttp($base);
$http->setDefaultCallback(function ($req) { $req->sendReply(200, 'OK'); });
$sock = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($sock, '127.0.0.1', 0); socket_listen($sock, 8); socket_getsockname($sock, $addr, $port);
$http->accept($sock);

function run(EventBase $base, int $port, string $mode): void {
    echo "=== $mode\n";
    $GLOBALS['c'] = new EventHttpConnection($base, null, '127.0.0.1', $port);
    $GLOBALS['c']->setCloseCallback(function ($conn) use ($mode) {
        echo "close callback\n";
        if ($mode === 'close') { unset($GLOBALS['c']); echo "unset in the close callback\n"; }
    });
    foreach ([1, 2, 3] as $i) {
        $GLOBALS['keep'][] = $r = new EventHttpRequest(function ($r, $d) use ($mode, $base) {
            echo "callback $d: ", $r?->getResponseCode(), "\n";
            if ($mode === 'unset' && $d === 1) { unset($GLOBALS['c']); echo "unset in the request callback\n"; }
            if ($mode === 'throw' && $d === 1) throw new Exception("boom");
            if ($d === 3) $base->exit();
        }, $i);
        $r->addHeader('Connection', $mode === 'close' ? 'close' : 'keep-alive', EventHttpRequest::OUTPUT_HEADER);
        $GLOBALS['c']->makeRequest($r, EventHttpRequest::CMD_GET, "/$i");
    }
    for ($k = 0; $k < 2; $k++) {
        $base->exit(0.5);
        try { $base->loop(); } catch (Exception $e) { echo "caught ", $e->getMessage(), "\n"; }
    }
    unset($GLOBALS['c']);
    echo "end\n";
}
run($base, $port, 'unset');
run($base, $port, 'close');
run($base, $port, 'throw');
?>
--EXPECTF--
=== unset
callback 1: 200
close callback
unset in the request callback
end
=== close
close callback
unset in the close callback
callback 1: 200
end
=== throw
callback 1: 200

Warning: EventBase::loop(): Breaking the loop due to exception Exception in %s on line %d
caught boom
callback 2: 200
callback 3: 200
close callback
end
