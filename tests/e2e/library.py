"""Reading and editing the library's IndexedDB from a test, as a user's
browser holds it (each value a JSON string)."""

DB = "annotator-library"

# Runs `body` (async, with `db` open) in the page; returns its result.
_RUN = """
const [args, done] = [arguments[0], arguments[arguments.length - 1]];
const open = indexedDB.open('%s');
open.onerror = () => done({error: String(open.error)});
open.onsuccess = async () => {
  const db = open.result;
  const all = (store) => new Promise((ok, no) => {
    const r = db.transaction(store).objectStore(store).getAll();
    r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error);
  });
  const keys = (store) => new Promise((ok, no) => {
    const r = db.transaction(store).objectStore(store).getAllKeys();
    r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error);
  });
  const put = (store, key, value) => new Promise((ok, no) => {
    const t = db.transaction(store, 'readwrite');
    t.objectStore(store).put(value, key);
    t.oncomplete = () => ok(true); t.onerror = () => no(t.error);
  });
  try { done(await (async () => { BODY })()); }
  catch (e) { done({error: String(e)}); }
  finally { db.close(); }
};
""".replace("%s", DB)


def run(driver, body, *args):
    driver.set_script_timeout(10)
    # The body is written into the script (the page's CSP forbids eval).
    return driver.execute_async_script(_RUN.replace("BODY", body), list(args))


def all_values(driver, store):
    return run(driver, "return await all(args[0]);", store)


def all_keys(driver, store):
    return run(driver, "return await keys(args[0]);", store)


def entries(driver):
    import json
    return [json.loads(v) for v in all_values(driver, "entries")]
