'use strict';
// The wall board. Everything from the server is put on the page with textContent, never as HTML.
(() => {
  const T = {
    zh: {
      title: '议事事项状态板', updated: '更新于', byGroup: '事项分布', community: '社区', grid: '网格', category: '类别',
      overdue: '逾期事项', queues: '责任单位待办', activity: '最新动态', total: '合计', open: '办理中', late: '逾期',
      median: '平均办结天数（中位）', days: '天', due: '期限', none: '暂无', lang: 'English', noToken:
      '缺少访问令牌：请用 /board#token=… 打开本页（令牌可用 seed 或 token 命令生成）。', failed: '加载失败',
      live: '实时', offline: '重连中', gridNo: n => `${n}号网格`, unknown: '未填写', performance: '责任单位履职',
      org: '责任单位', resolvedCount: '办结', onTime: '按期办结', onTimeRate: '按期率', satisfied: '满意',
      basicallySatisfied: '基本满意', unsatisfied: '不满意', escalated: '督办', signedOut: '已断开',
      tokenRefused: '访问令牌已过期或无效：请用新的令牌重新打开本页（/board#token=…，可用 seed 或 token 命令生成）。'
    },
    en: {
      title: 'Issue status board', updated: 'updated', byGroup: 'Issues by', community: 'Community', grid: 'Grid',
      category: 'Category', overdue: 'Overdue', queues: 'Assignee queues', activity: 'Latest activity', total: 'Total',
      open: 'Open', late: 'Overdue', median: 'Median days to resolve', days: 'd', due: 'due', none: 'Nothing here',
      lang: '中文', noToken: 'No access token: open this page as /board#token=… (the seed or token command prints one).',
      failed: 'Could not load', live: 'live', offline: 'reconnecting', gridNo: n => `Grid ${n}`, unknown: 'not given',
      performance: 'Assignee performance', org: 'Organisation', resolvedCount: 'Resolved', onTime: 'On time',
      onTimeRate: 'On-time rate', satisfied: 'Satisfied', basicallySatisfied: 'Basically satisfied',
      unsatisfied: 'Unsatisfied', escalated: 'Escalated', signedOut: 'disconnected',
      tokenRefused: 'The access token has expired or is not valid: open this page again with a new one (/board#token=…; the seed or token command prints one).'
    }
  };
  const STATUS = {
    raised: ['已提出', 'Raised'], onAgenda: ['已列入议程', 'On agenda'], discussed: ['已议事', 'Discussed'],
    assigned: ['已交办', 'Assigned'], acknowledged: ['已签收', 'Acknowledged'], inProgress: ['办理中', 'In progress'],
    resolved: ['已办结', 'Resolved'], confirmed: ['已确认', 'Confirmed'], reopened: ['重新办理', 'Reopened'],
    declined: ['已退回', 'Declined'], closed: ['已关闭', 'Closed'], withdrawn: ['已撤回', 'Withdrawn'],
    duplicate: ['重复', 'Duplicate']
  };
  const CATEGORY = {
    parking: ['停车', 'Parking'], repairs: ['维修渗漏', 'Leaks & repairs'], sanitation: ['环境卫生', 'Sanitation'],
    animals: ['动物家禽', 'Animals & poultry'], noise: ['噪音', 'Noise'], safety: ['安全', 'Safety'],
    property: ['物业管理', 'Property management'], greening: ['绿化', 'Greening'], other: ['其他', 'Other']
  };
  const EVENT = {
    issueRaised: ['提出', 'raised'], issuePlacedOnAgenda: ['列入议程', 'put on the agenda'], issueDiscussed: ['议事', 'discussed'],
    issueAssigned: ['交办', 'assigned'], assignmentAcknowledged: ['签收', 'acknowledged'], assignmentDeclined: ['退回', 'declined'],
    progressReported: ['报告进展', 'progress reported'], issueResolved: ['办结', 'resolved'],
    resolutionConfirmed: ['确认结果', 'confirmed'], issueReopened: ['重新办理', 'reopened'], issueClosed: ['关闭', 'closed'],
    issueWithdrawn: ['撤回', 'withdrawn'], issueMarkedDuplicate: ['标记重复', 'marked duplicate'],
    acknowledgementOverdue: ['签收超时', 'acknowledgement overdue'], resolutionOverdue: ['办结超期', 'resolution overdue'],
    issueEscalated: ['督办', 'escalated']
  };
  const LEVEL = { streetLeadership: ['街道督办', 'street leadership'], districtLeadership: ['区级督办', 'district leadership'] };
  const ORGS = {
    'hongse-wuye': ['红色物业', 'Red Property'], 'anju-wuye': ['安居物业', 'Anju Property'],
    'donglai-wuye': ['东来物业', 'Donglai Property'], 'datonglu-pcs': ['大通路派出所', 'Datong Rd police station'],
    chengguan: ['街道城管', 'City management']
  };
  const STREETS = { mingguanglu: ['明光路街道', 'Mingguang Road Street'] };
  const OPEN = ['raised', 'onAgenda', 'discussed', 'assigned', 'acknowledged', 'inProgress', 'reopened', 'declined'];

  const params = new URLSearchParams(location.hash.slice(1) || location.search);
  const token = params.get('token') || new URLSearchParams(location.search).get('token');
  let lang = params.get('lang') || localStorage.getItem('board.lang') || 'zh';
  let groupBy = 'community';
  let data = null;
  const $ = id => document.getElementById(id);
  const li = lang => (lang === 'en' ? 1 : 0);
  const label = (table, key) => (table[key] ? table[key][li(lang)] : key);
  const t = key => T[lang][key];

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child ?? '')));
    return node;
  }

  const when = iso => new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN',
    { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  const groupLabel = key => key === null ? t('unknown') : groupBy === 'grid' ? t('gridNo')(key)
    : groupBy === 'category' ? label(CATEGORY, key) : key;

  class TokenRefused extends Error {}

  async function api(path, method = 'GET') {
    const response = await fetch(path, { method, headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
    if (response.status === 401) throw new TokenRefused(path);
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.json();
  }

  async function refresh() {
    try {
      const [status, overdue, queues, activity, performance] = await Promise.all([
        api(`/api/boards/status?groupBy=${groupBy}`), api('/api/boards/overdue'),
        api('/api/boards/assignees'), api('/api/boards/activity?limit=12'), api('/api/boards/performance')]);
      data = { status, overdue, queues, activity, performance, at: new Date() };
      $('problem').hidden = true;
      render();
    } catch (error) {
      if (error instanceof TokenRefused) signedOut();
      else showProblem(`${t('failed')}: ${error.message}`);
    }
  }

  let stopped = false;
  function signedOut() {
    stopped = true;
    $('live').dataset.state = 'signedOut';
    showProblem(t('tokenRefused'));
    $('problem').dataset.text = 'tokenRefused';
    render();
  }

  function showProblem(text) {
    $('problem').textContent = text;
    $('problem').hidden = false;
  }

  function render() {
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    document.querySelectorAll('[data-text]').forEach(node => { node.textContent = t(node.dataset.text); });
    document.querySelectorAll('#groupBy button').forEach(b => b.classList.toggle('on', b.dataset.group === groupBy));
    $('lang').textContent = t('lang');
    const street = claims().street;
    $('street').textContent = STREETS[street] ? STREETS[street][li(lang)] : street || '';
    const state = $('live').dataset.state;
    $('live').textContent = t(state === 'open' ? 'live' : state === 'signedOut' ? 'signedOut' : 'offline');
    if (!data) return;
    $('updated').textContent = data.at.toLocaleTimeString(lang === 'en' ? 'en-GB' : 'zh-CN');
    renderTiles();
    renderStatus();
    renderItems($('overdue'), data.overdue.items);
    renderQueues();
    renderActivity();
    renderPerformance();
  }

  function renderTiles() {
    const all = data.status.all;
    const open = OPEN.reduce((n, s) => n + (all.counts[s] || 0), 0);
    const median = all.medianDaysToResolve;
    const tiles = [['total', all.total], ['open', open], ['late', all.overdue],
      ['median', median === null ? '—' : `${median.toFixed(1)} ${t('days')}`]];
    $('tiles').replaceChildren(...tiles.map(([key, value]) =>
      el('div', { class: `tile ${key}`, 'data-tile': key }, el('strong', {}, value), el('span', {}, t(key)))));
  }

  function renderStatus() {
    const rows = data.status.rows;
    const statuses = Object.keys(STATUS).filter(s => rows.some(r => r.counts[s]));
    const head = el('tr', {}, el('th', {}, t(groupBy)), ...statuses.map(s => el('th', { class: `s-${s}` }, label(STATUS, s))),
      el('th', {}, t('late')), el('th', {}, t('total')));
    const body = rows.map(row => el('tr', { 'data-key': row.key ?? '' },
      el('th', { scope: 'row' }, groupLabel(row.key)),
      ...statuses.map(s => el('td', { 'data-status': s }, row.counts[s] || '')),
      el('td', { 'data-status': 'overdue', class: row.overdue ? 'late' : '' }, row.overdue || ''),
      el('td', { 'data-status': 'total' }, row.total)));
    $('status').replaceChildren(el('thead', {}, head), el('tbody', {}, ...body));
  }

  function item(x) {
    return el('li', { 'data-issue': x.issueId, class: [x.overdue ? 'late' : '', x.escalated ? 'escalated' : ''].join(' ').trim() },
      el('span', { class: 'title' }, x.title),
      el('span', { class: `badge s-${x.status}` }, label(STATUS, x.status)),
      x.escalated ? el('span', { class: 'badge escalation', title: label(LEVEL, x.escalation) }, t('escalated')) : '',
      el('span', { class: 'meta' }, [x.assignee ? label(ORGS, x.assignee) : '', x.dueBy ? `${t('due')} ${when(x.dueBy)}` : '']
        .filter(Boolean).join(' · ')));
  }

  function renderItems(list, items) {
    list.replaceChildren(...(items.length ? items.map(item) : [el('li', { class: 'empty' }, t('none'))]));
  }

  function renderQueues() {
    const queues = data.queues.queues;
    $('queues').replaceChildren(...(queues.length ? queues.map(q => {
      const list = el('ul', { class: 'items' });
      renderItems(list, q.items.map(x => ({ ...x, assignee: null })));
      const late = q.items.filter(x => x.overdue).length;
      return el('details', { open: '', 'data-org': q.org },
        el('summary', {}, label(ORGS, q.org), el('span', { class: 'count' }, q.items.length),
          late ? el('span', { class: 'count late' }, `${t('late')} ${late}`) : ''), list);
    }) : [el('p', { class: 'empty' }, t('none'))]));
  }

  function renderActivity() {
    const items = data.activity.items.map(a => el('li', { 'data-issue': a.issueId },
      el('time', {}, when(a.at)), el('span', { class: 'who' }, a.by),
      el('span', { class: 'what' }, label(EVENT, a.type)), el('span', { class: 'title' }, a.title)));
    $('activity').replaceChildren(...(items.length ? items : [el('li', { class: 'empty' }, t('none'))]));
  }

  function renderPerformance() {
    const percent = rate => (rate === null ? '—' : `${Math.round(rate * 100)}%`);
    const head = el('tr', {}, ...['org', 'open', 'late', 'resolvedCount', 'onTime', 'onTimeRate', 'satisfied',
      'basicallySatisfied', 'unsatisfied'].map(key => el('th', {}, t(key))));
    const body = data.performance.organisations.map(o => el('tr', { 'data-org': o.org },
      el('th', { scope: 'row' }, label(ORGS, o.org)), el('td', {}, o.open),
      el('td', { class: o.overdue ? 'late' : '' }, o.overdue || ''), el('td', {}, o.resolved), el('td', {}, o.resolvedOnTime),
      el('td', { 'data-rate': '', class: o.onTimeRate !== null && o.onTimeRate < 0.6 ? 'late' : '' }, percent(o.onTimeRate)),
      el('td', {}, o.satisfaction.satisfied), el('td', {}, o.satisfaction.basicallySatisfied),
      el('td', { class: o.satisfaction.unsatisfied ? 'late' : '' }, o.satisfaction.unsatisfied)));
    $('performance').replaceChildren(el('thead', {}, head),
      el('tbody', {}, ...(body.length ? body : [el('tr', {}, el('td', { class: 'empty', colspan: '9' }, t('none')))])));
  }

  function claims() {
    try { return JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))); } catch { return {}; }
  }

  // EventSource cannot send the token as a header, and a token in a URL gets logged: the stream opens with a short-lived
  // ticket. The browser re-opens a dropped stream with the same URL on its own; once that fails for good (the ticket
  // expired), a fresh ticket is fetched, and a refused token stops the board with a message instead of retrying forever.
  async function listen() {
    if (stopped) return;
    let ticket;
    try {
      ticket = (await api('/api/boards/stream-ticket', 'POST')).ticket;
    } catch (error) {
      if (error instanceof TokenRefused) { signedOut(); return; }
      $('live').dataset.state = 'offline';
      render();
      setTimeout(listen, 5000);
      return;
    }
    const source = new EventSource(`/api/boards/stream?ticket=${encodeURIComponent(ticket)}`);
    let pending = null;
    source.addEventListener('open', () => { $('live').dataset.state = 'open'; render(); });
    source.addEventListener('error', () => {
      if (stopped) { source.close(); return; }
      $('live').dataset.state = 'offline';
      render();
      if (source.readyState === EventSource.CLOSED) setTimeout(listen, 1000 + Math.random() * 1000);
    });
    source.addEventListener('changed', () => {
      clearTimeout(pending);
      pending = setTimeout(refresh, 100);
    });
  }

  $('lang').addEventListener('click', () => {
    lang = lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem('board.lang', lang);
    render();
  });
  $('groupBy').addEventListener('click', event => {
    const group = event.target.closest('button')?.dataset.group;
    if (group && group !== groupBy) { groupBy = group; refresh(); }
  });

  render();
  if (!token) { showProblem(t('noToken')); return; }
  listen();
})();
