//! The sync load check: three simulated annotators (each a session and a
//! `model::sync::Replica`, as the page has) write 10,000 annotations in
//! total through a CouchDB-compatible server, and link each quote to the
//! source after it ("said by", about 3,300 relations), interleaved in
//! rounds of push and pull, then read until all three and the server hold
//! the same sets. Prints the figures; exits non-zero if they do not
//! converge.
//!
//!   cargo run --release --example sync_load -- http://admin:pw@127.0.0.1:5984/ loaddb [annotations]
//!
//! The database must exist and be empty. Speaks HTTP/1.1 over a plain
//! `TcpStream` (no client crate): `Content-Length` and chunked bodies.

use annotator::model::format::sha256_hex;
use annotator::model::sync::{docs, Key, Replica};
use annotator::model::{
    Annotation, Article, CharOffset, Command, Fields, Relation, Session, TextRange,
};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::Instant;

struct Server {
    host: String,
    auth: String,
    path: String,
}

fn base64(s: &str) -> String {
    const T: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let b = s.as_bytes();
    let mut out = String::new();
    for c in b.chunks(3) {
        let n = (c[0] as u32) << 16
            | (*c.get(1).unwrap_or(&0) as u32) << 8
            | *c.get(2).unwrap_or(&0) as u32;
        for i in 0..4 {
            if i <= c.len() {
                out.push(T[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

impl Server {
    fn new(url: &str, db: &str) -> Self {
        let rest = url.strip_prefix("http://").expect("an http:// address");
        let (host_part, _) = rest.split_once('/').unwrap_or((rest, ""));
        let (auth, host) = host_part.rsplit_once('@').expect("user:password@host:port");
        Server {
            host: host.to_owned(),
            auth: base64(auth),
            path: format!("/{db}/"),
        }
    }

    fn request(&self, method: &str, path: &str, body: Option<&str>) -> (u16, String) {
        let mut s = TcpStream::connect(&self.host).expect("the server answers");
        let body = body.unwrap_or("");
        write!(
            s,
            "{method} {}{path} HTTP/1.1\r\nHost: {}\r\nAuthorization: Basic {}\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.path, self.host, self.auth, body.len()
        )
        .unwrap();
        let mut r = BufReader::new(s);
        let mut line = String::new();
        r.read_line(&mut line).unwrap();
        let status: u16 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
        let (mut length, mut chunked) = (None, false);
        loop {
            line.clear();
            r.read_line(&mut line).unwrap();
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            let lower = l.to_ascii_lowercase();
            if let Some(v) = lower.strip_prefix("content-length:") {
                length = Some(v.trim().parse::<usize>().unwrap());
            }
            chunked |= lower.starts_with("transfer-encoding:") && lower.contains("chunked");
        }
        let mut out = Vec::new();
        if chunked {
            loop {
                line.clear();
                r.read_line(&mut line).unwrap();
                let n = usize::from_str_radix(line.trim(), 16).unwrap();
                if n == 0 {
                    break;
                }
                let mut chunk = vec![0; n + 2];
                r.read_exact(&mut chunk).unwrap();
                out.extend_from_slice(&chunk[..n]);
            }
        } else if let Some(n) = length {
            out.resize(n, 0);
            r.read_exact(&mut out).unwrap();
        } else {
            r.read_to_end(&mut out).unwrap();
        }
        (status, String::from_utf8(out).unwrap())
    }

    fn ok(&self, method: &str, path: &str, body: Option<&str>) -> String {
        let (status, reply) = self.request(method, path, body);
        assert!(
            (200..300).contains(&status),
            "{method} {path}: {status} {reply}"
        );
        reply
    }
}

struct Client {
    session: Session,
    replica: Replica,
    seen: u64,
    requests: usize,
}

impl Client {
    fn push(&mut self, server: &Server) {
        let touched = self.session.touched_since(self.seen).expect("in the log");
        self.seen = self.session.revision();
        self.replica.touched(Key::touched(touched));
        while let Some(body) = self.replica.outgoing(&self.session) {
            let reply = server.ok("POST", "_bulk_docs", Some(&body));
            self.requests += 1;
            let refused = self.replica.pushed(&reply).unwrap();
            assert!(refused.is_empty(), "{refused:?}");
        }
    }

    fn pull(&mut self, server: &Server) -> usize {
        let mut brought = 0;
        loop {
            let since = self.replica.since().unwrap();
            let reply = server.ok(
                "GET",
                &format!("_changes?include_docs=true&since={since}&limit=1000"),
                None,
            );
            self.requests += 1;
            let n = docs::reply(&reply).unwrap().results.len();
            let merge = self.replica.incoming(&self.session, &reply).unwrap();
            assert!(merge.not_read.is_empty(), "{:?}", merge.not_read);
            if let Some(c) = merge.command() {
                brought += merge.put.len() + merge.remove.len() + merge.link.len();
                self.session.apply(c).unwrap();
            }
            if n < 1000 {
                return brought;
            }
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (url, db) = (&args[1], &args[2]);
    let total: usize = args.get(3).map_or(10_000, |n| n.parse().unwrap());
    let server = Server::new(url, db);
    // One article: 2,000 sentences (about 120,000 characters).
    let text: String = (0..2_000)
        .map(|i| format!("Sentence {i} says the bridge opens in May. "))
        .collect();
    let words: Vec<(usize, usize)> = {
        let mut at = 0;
        let mut out = Vec::new();
        for w in text.split(' ') {
            let n = w.chars().count();
            if n > 0 {
                out.push((at, at + n));
            }
            at += n + 1;
        }
        out
    };
    let article = Article::from_plain("Load".into(), "load.txt".into(), text.clone());
    let sha = sha256_hex(&text);
    let info = server.ok("GET", "", None);
    let all = server.ok(
        "GET",
        &format!(
            "_all_docs?include_docs=true&startkey=%22a:{sha}:%22&endkey=%22a:{sha}:%EF%BF%B0%22"
        ),
        None,
    );
    let mut clients: Vec<Client> = (0..3)
        .map(|_| {
            let session = Session::new(article.clone());
            let mut replica = Replica::new(&sha);
            replica.start(&session, &info, &[&all], None).unwrap();
            Client {
                seen: session.revision(),
                session,
                replica,
                requests: 0,
            }
        })
        .collect();
    let start = Instant::now();
    let per_round = 500;
    let mut made = 0;
    let mut linked = 0;
    let mut round = 0;
    while made < total {
        for (k, c) in clients.iter_mut().enumerate() {
            for _ in 0..per_round.min(total - made) {
                let (s, e) = words[made % words.len()];
                let tag = ["claim", "quote", "source"][made % 3];
                let a = Annotation {
                    id: format!("c{k}-{made}").into(),
                    tag: tag.into(),
                    range: TextRange::new(CharOffset::new(s), CharOffset::new(e)).unwrap(),
                    note: String::new(),
                    fields: Fields::new(),
                    created: "2026-12-04T00:00:00.000Z".into(),
                    modified: "2026-12-04T00:00:00.000Z".into(),
                    creator: format!("annotator {k}"),
                    adjudicated_from: Vec::new(),
                };
                c.session.apply(Command::Tag(a)).unwrap();
                if tag == "source" {
                    let said_by = Relation {
                        id: format!("r{k}-{made}").into(),
                        kind: "said-by".into(),
                        from: format!("c{k}-{}", made - 1).into(),
                        to: format!("c{k}-{made}").into(),
                        created: "2026-12-04T00:00:00.000Z".into(),
                    };
                    // The quote just before, when this client made it too.
                    if c.session.get(&said_by.from).is_some() {
                        c.session.apply(Command::Link(said_by)).unwrap();
                        linked += 1;
                    }
                }
                made += 1;
            }
            c.push(&server);
            c.pull(&server);
        }
        round += 1;
    }
    let written = start.elapsed();
    let mut brought = 0;
    for c in clients.iter_mut() {
        brought += c.pull(&server);
    }
    let converged = start.elapsed();
    let ids = |c: &Client| -> Vec<String> {
        let mut ids: Vec<String> = (c.session.annotations().iter())
            .map(|a| format!("{}@{}", a.id, a.range.start()))
            .chain(
                c.session
                    .relations()
                    .map(|r| format!("{}:{}>{}", r.id, r.from, r.to)),
            )
            .collect();
        ids.sort();
        ids
    };
    let first = ids(&clients[0]);
    let same = clients
        .iter()
        .all(|c| ids(c) == first && c.replica.waiting(&c.session) == 0);
    let on_server = |kind: &str| {
        let path =
            format!("_all_docs?startkey=%22{kind}:{sha}:%22&endkey=%22{kind}:{sha}:%EF%BF%B0%22");
        docs::reply(&server.ok("GET", &path, None))
            .unwrap()
            .rows
            .len()
    };
    let (on_server, relations_there) = (on_server("a"), on_server("r"));
    let requests: usize = clients.iter().map(|c| c.requests).sum();
    println!("sync load: 3 clients wrote {made} annotations and {linked} relations in {round} rounds of {per_round} annotations each, through the server");
    println!(
        "  written and pushed after        {:>8.0} ms",
        written.as_secs_f64() * 1e3
    );
    println!(
        "  converged after                 {:>8.0} ms (last pull brought {brought})",
        converged.as_secs_f64() * 1e3
    );
    println!("  requests                        {requests:>8}");
    let relations = clients[0].session.relations().count();
    println!(
        "  each client holds               {:>8} annotations and {relations} relations; the server {on_server} and {relations_there}",
        clients[0].session.annotations().len()
    );
    if !same || first.len() != made + linked || on_server != made || relations_there != linked {
        eprintln!("sync load: NOT converged");
        std::process::exit(1);
    }
    println!("  converged: the three sessions and the server hold the same {made} annotations and {linked} relations");
}
