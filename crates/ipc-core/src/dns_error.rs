//! evdns's error codes and texts, and the getaddrinfo codes and texts
//! (evutil_gai_strerror) a failed lookup reports.

/// evdns's own error codes (DNS_ERR_*).
pub mod err {
    pub const NONE: u8 = 0;
    pub const FORMAT: u8 = 1;
    pub const SERVERFAILED: u8 = 2;
    pub const NOTEXIST: u8 = 3;
    pub const NOTIMPL: u8 = 4;
    pub const REFUSED: u8 = 5;
    pub const TRUNCATED: u8 = 65;
    pub const UNKNOWN: u8 = 66;
    pub const TIMEOUT: u8 = 67;
    pub const SHUTDOWN: u8 = 68;
    pub const CANCEL: u8 = 69;
    pub const NODATA: u8 = 70;
}

/// evdns_err_to_string.
pub fn evdns_err_to_string(e: u8) -> &'static str {
    match e {
        err::NONE => "no error",
        err::FORMAT => "misformatted query",
        err::SERVERFAILED => "server failed",
        err::NOTEXIST => "name does not exist",
        err::NOTIMPL => "query not implemented",
        err::REFUSED => "refused",
        err::TRUNCATED => "reply truncated or ill-formed",
        err::UNKNOWN => "unknown",
        err::TIMEOUT => "request timed out",
        err::SHUTDOWN => "dns subsystem shut down",
        err::CANCEL => "dns request canceled",
        err::NODATA => "no records in the reply",
        _ => "[Unknown error code]",
    }
}

/// A failed lookup: libevent's getaddrinfo error code (EVUTIL_EAI_*, the
/// system's EAI_* values on Linux), which bufferevent_socket_get_dns_error
/// returns and EventBufferEvent::getDnsErrorString turns into text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DnsError(pub i32);

impl DnsError {
    pub const NONAME: DnsError = DnsError(-2);
    pub const AGAIN: DnsError = DnsError(-3);
    pub const FAIL: DnsError = DnsError(-4);
    pub const NODATA: DnsError = DnsError(-5);
    pub const CANCEL: DnsError = DnsError(-90001);

    /// evdns_err_to_getaddrinfo_err.
    pub fn from_evdns(e: u8) -> DnsError {
        match e {
            err::NOTEXIST => DnsError::NONAME,
            _ => DnsError::FAIL,
        }
    }

    /// evutil_gai_strerror's text.
    pub fn text(self) -> &'static str {
        gai_strerror(self.0)
    }
}

/// evutil_gai_strerror (libevent's own table; 0 is "No error").
pub fn gai_strerror(code: i32) -> &'static str {
    match code {
        -90001 => "Request canceled",
        0 => "No error",
        -9 => "address family for nodename not supported",
        -3 => "temporary failure in name resolution",
        -1 => "invalid value for ai_flags",
        -4 => "non-recoverable failure in name resolution",
        -6 => "ai_family not supported",
        -10 => "memory allocation failure",
        -5 => "no address associated with nodename",
        -2 => "nodename nor servname provided, or not known",
        -8 => "servname not supported for ai_socktype",
        -7 => "ai_socktype not supported",
        -11 => "system error",
        _ => "Unknown error code",
    }
}
