/*
 * The notices site's additions to Decap CMS. admin/index.html loads this file before decap-cms.js (both
 * deferred, so in this order), which is why Decap waits for CMS.init() below.
 *
 * A notice is two files: notices/<year>/<name>.yml (its data) and an optional <name>.md (its narrative).
 * Decap stores an entry as one file, so the "notices" collection uses Decap's YAML front-matter format
 * (data as front matter, narrative as body), and this script wraps the storage backend (GitHub, GitLab,
 * Gitea, Forgejo, or the local decap-server): when reading, it joins the two files into one front-matter
 * text; when saving, it splits that text into the two files, written in the same commit, so each notice
 * is one pull/merge request. Only paths of that collection are changed.
 *
 * It also leaves empty values out of a saved notice (the check rejects an empty item) and asks for the
 * URL name of a new notice, which is its file name (the browser cannot make pinyin as `notices new` does).
 */
(function () {
  'use strict';

  window.CMS_MANUAL_INIT = true;

  var COLLECTION = 'notices';
  var BACKENDS = ['github', 'gitlab', 'gitea', 'forgejo', 'proxy'];
  var OPEN = '---\n';
  var CLOSE = '\n---\n';
  var NO_SLUG = '新建通报请填写“网址名称”：它也是文件名，只能用小写字母、数字和连字符，'
    + '如 daguan-chengshi-lvhua-zhenggai-jinzhan。';

  /* The two files as one front-matter text, as Decap's yaml-frontmatter format reads it. */
  function joinFiles(yml, md) {
    var data = yml || '';
    if (data.indexOf(OPEN) === 0) {
      data = data.slice(OPEN.length); // a YAML document marker: the front matter has its own
    }
    if (data && data.charAt(data.length - 1) !== '\n') {
      data += '\n';
    }
    return OPEN + data + '---\n' + (md || '');
  }

  /* Decap's front-matter text split into the .yml and the .md text. */
  function splitEntry(raw) {
    var end = raw.indexOf(CLOSE, OPEN.length - 1);
    if (raw.indexOf(OPEN) !== 0 || end < 0) {
      throw new Error('通报没有保存：编辑器生成的内容格式不对（缺少 --- 分隔），请刷新页面后重试，并告知网站维护人员。');
    }
    return { data: raw.slice(OPEN.length, end + 1), body: raw.slice(end + CLOSE.length) };
  }

  function collectionsOf(config) {
    var collections = typeof config.get === 'function' ? config.get('collections').toJS() : config.collections;
    return collections || [];
  }

  function wrapBackend(impl, config, backendName) {
    var collection = collectionsOf(config).filter(function (c) { return c.name === COLLECTION; })[0];
    if (!collection) {
      throw new Error('notices-cms.js: config.yml 中没有 notices 集合，无法按“.yml + .md”保存通报。');
    }
    var folder = collection.folder.replace(/\/+$/, '') + '/';
    var loadedBodies = new Map(); // a notice's .yml path → its narrative as read (null: no .md file)
    var changedBodies = new Map(); // a notice's .yml path → the id of its .md in a pull request's changes

    /* The id of a file a pull request did not change: the backends read such a file by its path (GitHub,
       GitLab and Gitea take no id; the local decap-server takes the path as the id). */
    function unknownId(path) {
      return backendName === 'proxy' ? path : null;
    }

    function isNotice(path) {
      return typeof path === 'string' && path.indexOf(folder) === 0 && /\.yml$/.test(path);
    }
    function isBody(path) {
      return typeof path === 'string' && path.indexOf(folder) === 0 && /\.md$/.test(path);
    }
    function bodyPath(path) {
      return path.replace(/\.yml$/, '.md');
    }
    function noticePath(path) {
      return path.replace(/\.md$/, '.yml');
    }
    function wrap(name, replacement) {
      if (typeof impl[name] !== 'function') {
        return;
      }
      var original = impl[name].bind(impl);
      impl[name] = function () {
        return replacement.apply(null, [original].concat(Array.prototype.slice.call(arguments)));
      };
    }
    /* Listings show the data only; the narrative is read when a notice is opened. The array is kept (it
       carries the backend's pagination cursor). */
    function joinListed(entries) {
      (entries || []).forEach(function (entry) {
        if (entry && entry.file && isNotice(entry.file.path) && entry.data != null) {
          entry.data = joinFiles(entry.data, null);
        }
      });
      return entries;
    }
    function readBody(path, read) {
      return Promise.resolve()
        .then(function () { return read(bodyPath(path)); })
        .catch(function () { return null; }) // no .md file: the notice has no narrative
        .then(function (body) {
          var text = typeof body === 'string' ? body : null;
          loadedBodies.set(path, text);
          return text;
        });
    }

    ['entriesByFolder', 'allEntriesByFolder', 'entriesByFiles'].forEach(function (name) {
      wrap(name, function (original) {
        var args = Array.prototype.slice.call(arguments, 1);
        return original.apply(null, args).then(joinListed);
      });
    });
    wrap('traverseCursor', function (original, cursor, action) {
      return original(cursor, action).then(function (result) {
        joinListed(result && result.entries);
        return result;
      });
    });
    wrap('getEntry', function (original, path) {
      return original(path).then(function (entry) {
        if (!entry || !isNotice(path) || entry.data == null) {
          return entry;
        }
        return readBody(path, function (md) {
          return original(md).then(function (e) { return e && e.data; });
        }).then(function (body) {
          entry.data = joinFiles(entry.data, body);
          return entry;
        });
      });
    });
    /* A pull request's changed .md is its notice's narrative, not a media file: report the .yml instead
       (read from the request's branch, with the narrative, below). */
    wrap('unpublishedEntry', function (original, args) {
      return original(args).then(function (entry) {
        if (entry && Array.isArray(entry.diffs)) {
          var paths = new Set(entry.diffs.map(function (d) { return d.path; }));
          entry.diffs = entry.diffs.reduce(function (kept, diff) {
            if (!isBody(diff.path)) {
              kept.push(diff);
              return kept;
            }
            var notice = noticePath(diff.path);
            changedBodies.set(notice, diff.id);
            if (!paths.has(notice)) {
              paths.add(notice);
              kept.push(Object.assign({}, diff, { path: notice, id: unknownId(notice), newFile: false }));
            }
            return kept;
          }, []);
        }
        return entry;
      });
    });
    wrap('unpublishedEntryDataFile', function (original, collectionName, slug, path, id) {
      return original(collectionName, slug, path, id).then(function (data) {
        if (!isNotice(path) || data == null) {
          return data;
        }
        var mdId = changedBodies.has(path) ? changedBodies.get(path) : unknownId(bodyPath(path));
        return readBody(path, function (md) { return original(collectionName, slug, md, mdId); })
          .then(function (body) { return joinFiles(data, body); });
      });
    });
    wrap('persistEntry', function (original, entry, options) {
      var dataFiles = [];
      (entry.dataFiles || []).forEach(function (file) {
        if (!isNotice(file.path)) {
          dataFiles.push(file);
          return;
        }
        var parts = splitEntry(file.raw);
        dataFiles.push(Object.assign({}, file, { raw: parts.data }));
        var loaded = loadedBodies.has(file.path) ? loadedBodies.get(file.path) : null;
        var body = parts.body;
        if (loaded !== null && body === loaded + '\n') {
          body = loaded; // Decap ends the text with a newline; keep the file's own last line
        }
        if (body.trim() || loaded !== null) { // no .md for a notice that never had a narrative
          dataFiles.push(Object.assign({}, file, {
            path: bodyPath(file.path),
            raw: body,
            newPath: file.newPath ? bodyPath(file.newPath) : undefined,
          }));
        }
      });
      return original(Object.assign({}, entry, { dataFiles: dataFiles }), options).then(function (result) {
        dataFiles.forEach(function (file) {
          if (isBody(file.path)) {
            loadedBodies.set(noticePath(file.path), file.raw);
          }
        });
        return result;
      });
    });
    return impl;
  }

  function isEmpty(value) {
    if (value === undefined || value === null) {
      return true;
    }
    if (typeof value === 'string') {
      return value.trim() === '';
    }
    if (typeof value.toJS === 'function' && typeof value.size === 'number') {
      return value.size === 0;
    }
    return false;
  }

  /* Empty strings, lists and blocks left by the form, removed at every depth (Immutable.js values). */
  function prune(value) {
    if (value && typeof value.toJS === 'function' && typeof value.filter === 'function') {
      return value.map(function (item) { return prune(item); }).filter(function (item) { return !isEmpty(item); });
    }
    return value;
  }

  function start() {
    BACKENDS.forEach(function (name) {
      var registered = window.CMS.getBackend(name);
      if (!registered) {
        return;
      }
      var init = registered.init;
      registered.init = function (config, options) {
        return wrapBackend(init(config, options), config, name);
      };
    });
    window.CMS.registerEventListener({
      name: 'preSave',
      handler: function (event) {
        var entry = event.entry;
        if (entry.get('collection') !== COLLECTION) {
          return undefined;
        }
        var data = prune(entry.get('data'));
        if (entry.get('newRecord') && isEmpty(data.get('slug'))) {
          throw new Error(NO_SLUG);
        }
        return data;
      },
    });
    window.CMS.init();
  }

  document.addEventListener('DOMContentLoaded', start);
})();
