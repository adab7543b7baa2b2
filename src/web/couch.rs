//! A CouchDB server over `fetch`: sign in (the server's `_session` cookie;
//! the password is sent once and never kept), and the database requests
//! the replication makes. Every request carries the cookie
//! (`credentials: include`) and gives up after a time limit; a request
//! that gets no answer is [`Failure::Unreachable`]. The JSON is the
//! model's (`model::sync`).

use crate::model::sync::{check_db_name, Failure, Step};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, Request, RequestCredentials, RequestInit, Response};

/// How long a request may take before it counts as unanswered, in ms.
const TIME_LIMIT_MS: u32 = 15_000;

/// The origin this build may connect to besides its own (the deployer's
/// `ANNOTATOR_SYNC_ORIGIN`, also in the page's Content-Security-Policy).
const SYNC_ORIGIN: Option<&str> = option_env!("ANNOTATOR_SYNC_ORIGIN");

/// Where the database is: the server's address (absolute, ending in `/`)
/// and the database's name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Server {
    pub base: String,
    pub db: String,
}

impl Server {
    /// The server at `address` (absolute, or a path on this page's origin
    /// such as `/couchdb/`) and database `db`.
    ///
    /// # Errors
    /// Not a web address, an origin this build may not reach, a name
    /// CouchDB does not take.
    pub fn new(address: &str, db: &str) -> Result<Self, Failure> {
        let page = gloo::utils::window().location();
        let href = page.href().unwrap_or_default();
        let bad = || Failure::BadUrl(address.to_owned());
        let url = web_sys::Url::new_with_base(address.trim(), &href).map_err(|_| bad())?;
        if !matches!(url.protocol().as_str(), "http:" | "https:") || address.trim().is_empty() {
            return Err(bad());
        }
        let own = page.origin().unwrap_or_default();
        let allowed: Vec<String> = std::iter::once(own)
            .chain(SYNC_ORIGIN.map(str::to_owned))
            .collect();
        if !allowed.contains(&url.origin()) {
            return Err(Failure::NotAllowed {
                origin: url.origin(),
                allowed,
            });
        }
        check_db_name(db)?;
        url.set_search("");
        url.set_hash("");
        let mut base = url.href();
        if !base.ends_with('/') {
            base.push('/');
        }
        Ok(Server {
            base,
            db: db.to_owned(),
        })
    }

    /// The database's address (what the browser keeps its replication under).
    pub fn url(&self) -> String {
        self.db_url("")
    }

    /// `<db>/<path>` under the server; `path` is already encoded.
    fn db_url(&self, path: &str) -> String {
        let db = String::from(js_sys::encode_uri_component(&self.db));
        format!("{}{db}/{path}", self.base)
    }

    /// Sign in as `name`: the server answers with a session cookie the
    /// browser keeps (`HttpOnly`: the page never sees it).
    pub async fn sign_in(&self, name: &str, password: &str) -> Result<(), Failure> {
        let quoted = |s: &str| serde_json::to_string(s).unwrap_or_default();
        let body = format!(
            "{{\"name\":{},\"password\":{}}}",
            quoted(name),
            quoted(password)
        );
        let url = format!("{}_session", self.base);
        self.send("POST", &url, Some(&body), Step::SignIn, name)
            .await
            .map(drop)
    }

    /// Who the server's session cookie signs in, if anyone.
    pub async fn signed_in_as(&self) -> Result<Option<String>, Failure> {
        let url = format!("{}_session", self.base);
        let body = self.send("GET", &url, None, Step::SignIn, "").await?;
        let reply = crate::model::sync::docs::reply(&body).map_err(|reason| Failure::Other {
            status: 200,
            reason,
        })?;
        Ok(reply.user_ctx.and_then(|c| c.name))
    }

    /// Forget the session cookie on the server.
    pub async fn sign_out(&self) {
        let url = format!("{}_session", self.base);
        let _ = self.send("DELETE", &url, None, Step::SignIn, "").await;
    }

    /// `GET <db>` (where its changes feed is).
    pub async fn info(&self, name: &str) -> Result<String, Failure> {
        self.get(&self.db_url(""), name).await
    }

    /// The documents whose ids start with `prefix`, with their bodies.
    pub async fn all_docs(&self, prefix: &str, name: &str) -> Result<String, Failure> {
        let key = |s: String| {
            String::from(js_sys::encode_uri_component(
                &serde_json::to_string(&s).unwrap_or_default(),
            ))
        };
        let path = format!(
            "_all_docs?include_docs=true&startkey={}&endkey={}",
            key(prefix.to_owned()),
            key(format!("{prefix}\u{fff0}"))
        );
        self.get(&self.db_url(&path), name).await
    }

    /// Changes since `since`, at most `limit`, with their documents if `docs`.
    pub async fn changes(
        &self,
        since: &str,
        limit: usize,
        docs: bool,
        name: &str,
    ) -> Result<String, Failure> {
        let since = String::from(js_sys::encode_uri_component(since));
        let path = format!("_changes?include_docs={docs}&since={since}&limit={limit}");
        self.get(&self.db_url(&path), name).await
    }

    /// Document `id`; `None` when the database has no such document (a
    /// missing database was ruled out by [`Server::info`] before).
    pub async fn doc(&self, id: &str, name: &str) -> Result<Option<String>, Failure> {
        let url = self.db_url(&String::from(js_sys::encode_uri_component(id)));
        match self.get(&url, name).await {
            Ok(body) => Ok(Some(body)),
            Err(Failure::NoDatabase(_)) => Ok(None),
            Err(f) => Err(f),
        }
    }

    /// `POST <db>/_bulk_docs` with `body`.
    pub async fn bulk_docs(&self, body: &str, name: &str) -> Result<String, Failure> {
        let url = self.db_url("_bulk_docs");
        self.send("POST", &url, Some(body), Step::Database, name)
            .await
    }

    async fn get(&self, url: &str, name: &str) -> Result<String, Failure> {
        self.send("GET", url, None, Step::Database, name).await
    }

    /// One request; the body of a 2xx answer, else what the status means
    /// at `step` (`name`: who is signed in, for the messages).
    async fn send(
        &self,
        method: &str,
        url: &str,
        body: Option<&str>,
        step: Step,
        name: &str,
    ) -> Result<String, Failure> {
        let unreachable = || Failure::Unreachable {
            server: self.base.clone(),
        };
        let init = RequestInit::new();
        init.set_method(method);
        init.set_credentials(RequestCredentials::Include);
        init.set_signal(Some(&AbortSignal::timeout_with_u32(TIME_LIMIT_MS)));
        let headers = js_sys::Object::new();
        let set = |k: &str, v: &str| js_sys::Reflect::set(&headers, &k.into(), &v.into());
        let _ = set("Accept", "application/json");
        if let Some(body) = body {
            let _ = set("Content-Type", "application/json");
            init.set_body(&JsValue::from_str(body));
        }
        init.set_headers(&headers);
        let request = Request::new_with_str_and_init(url, &init).map_err(|_| unreachable())?;
        let fetched = JsFuture::from(gloo::utils::window().fetch_with_request(&request)).await;
        let response: Response = fetched.map_err(|_| unreachable())?.unchecked_into();
        let text = match response.text() {
            Ok(p) => JsFuture::from(p).await.map_err(|_| unreachable())?,
            Err(_) => return Err(unreachable()),
        };
        let text = text.as_string().unwrap_or_default();
        match response.status() {
            200..=299 => Ok(text),
            status => Err(
                match Failure::of_status(step, status, &text, &self.db, name) {
                    Failure::Unreachable { .. } => unreachable(),
                    f => f,
                },
            ),
        }
    }
}
