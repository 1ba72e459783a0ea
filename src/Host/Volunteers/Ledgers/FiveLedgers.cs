using IssueTracker.Domain.Volunteers;
using IssueTracker.Host.Organisations;
using IssueTracker.Projections.Volunteers;

namespace IssueTracker.Host.Volunteers.Ledgers;

/// <summary>The five micro ledgers (五微台账), read from the volunteer service's read models of the caller's street.</summary>
public static class FiveLedgers
{
    private const int MaxRows = 10_000;

    /// <summary>The ledger of that kind, teams named as the street's directory names them; null for an unknown kind.</summary>
    public static async Task<Ledger?> BuildAsync(string kind, IQuerySession session, CancellationToken ct)
    {
        if (!Ledger.Kinds.Contains(kind)) return null;
        var names = await OrganisationDirectory.NamesAsync(session, ct);
        return await BuildAsync(kind, session, names, ct);
    }

    private static async Task<Ledger?> BuildAsync(string kind, IQuerySession session, IReadOnlyDictionary<string, string> names,
        CancellationToken ct) => kind switch
        {
            "micro-tasks" => MicroTasks(await session.Query<MicroTaskCard>().OrderBy(t => t.PublishedAt).Take(MaxRows).ToListAsync(ct), names),
            "wishes" => Wishes(await session.Query<WishCard>().OrderBy(w => w.RecordedAt).Take(MaxRows).ToListAsync(ct)),
            "ventures" => Ventures(await session.Query<VentureCard>().OrderBy(v => v.ProposedAt).Take(MaxRows).ToListAsync(ct), names),
            "teams" => Teams(names,
                await session.Query<VolunteerProfile>().Take(MaxRows).ToListAsync(ct),
                await session.Query<MicroTaskCard>().Take(MaxRows).ToListAsync(ct),
                await session.Query<WishCard>().Take(MaxRows).ToListAsync(ct),
                await session.Query<VentureCard>().Take(MaxRows).ToListAsync(ct)),
            "grids" => Grids(
                await session.Query<WishCard>().Take(MaxRows).ToListAsync(ct),
                await session.Query<NeedCard>().Take(MaxRows).ToListAsync(ct)),
            _ => null
        };

    private static Ledger MicroTasks(IReadOnlyList<MicroTaskCard> tasks, IReadOnlyDictionary<string, string> names) =>
        new LedgerBuilder<MicroTaskCard>("micro-tasks", "微实事台账")
        .Column("title", "项目名称", t => t.Title)
        .Column("community", "社区", t => t.Community)
        .Column("team", "认领团队", t => t.Team)
        .Column("teamName", "团队名称", t => names.NameOf(t.Team))
        .Column("status", "状态", t => Label(t.Status))
        .Column("participants", "参与人数", t => t.Participants.Count)
        .Column("hours", "服务时长（小时）", t => t.TotalHours)
        .Column("report", "完成情况", t => t.Report)
        .Column("publishedAt", "发布时间", t => Day(t.PublishedAt))
        .Column("confirmedAt", "确认时间", t => Day(t.ConfirmedAt))
        .Column("issueId", "来源议题", t => t.IssueId?.ToString())
        .Build(tasks);

    private static Ledger Wishes(IReadOnlyList<WishCard> wishes) => new LedgerBuilder<WishCard>("wishes", "微心愿台账")
        .Column("title", "心愿内容", w => w.Title)
        .Column("community", "社区", w => w.Community)
        .Column("grid", "网格", w => w.Grid)
        .Column("resident", "居民", w => w.Resident?.Name)
        .Column("status", "状态", w => Label(w.Status))
        .Column("claimedBy", "认领人/团队", w => w.ClaimedByTeam ?? w.ClaimedByVolunteer?.ToString())
        .Column("note", "实现情况", w => w.Note)
        .Column("recordedBy", "登记人", w => w.RecordedBy)
        .Column("recordedAt", "登记时间", w => Day(w.RecordedAt))
        .Column("confirmedAt", "确认时间", w => Day(w.ConfirmedAt))
        .Build(wishes);

    private static Ledger Ventures(IReadOnlyList<VentureCard> ventures, IReadOnlyDictionary<string, string> names) =>
        new LedgerBuilder<VentureCard>("ventures", "微创投台账")
        .Column("title", "项目名称", v => v.Title)
        .Column("team", "申报团队", v => v.TeamId)
        .Column("teamName", "团队名称", v => names.NameOf(v.TeamId))
        .Column("budget", "预算（元）", v => v.Budget)
        .Column("spent", "已支出（元）", v => v.Spent)
        .Column("status", "状态", v => Label(v.Status))
        .Column("milestones", "进展次数", v => v.Milestones.Count)
        .Column("proposedAt", "申报时间", v => Day(v.ProposedAt))
        .Column("completedAt", "结项时间", v => Day(v.CompletedAt))
        .Build(ventures);

    private sealed record TeamRow(string Team, int Members, decimal Hours, int TasksClaimed, int TasksConfirmed, int Wishes, int Ventures);

    private static Ledger Teams(IReadOnlyDictionary<string, string> names, IReadOnlyList<VolunteerProfile> volunteers, IReadOnlyList<MicroTaskCard> tasks,
        IReadOnlyList<WishCard> wishes, IReadOnlyList<VentureCard> ventures)
    {
        var teams = volunteers.SelectMany(v => v.Teams).Concat(tasks.Select(t => t.Team)).Concat(wishes.Select(w => w.ClaimedByTeam))
            .Concat(ventures.Select(v => v.TeamId)).OfType<string>().Distinct().Order(StringComparer.Ordinal);
        return new LedgerBuilder<TeamRow>("teams", "微团队台账")
            .Column("team", "团队", r => r.Team)
            .Column("teamName", "团队名称", r => names.NameOf(r.Team))
            .Column("members", "志愿者人数", r => r.Members)
            .Column("hours", "成员累计服务时长（小时）", r => r.Hours)
            .Column("tasksClaimed", "认领微实事", r => r.TasksClaimed)
            .Column("tasksConfirmed", "完成微实事", r => r.TasksConfirmed)
            .Column("wishes", "认领微心愿", r => r.Wishes)
            .Column("ventures", "微创投项目", r => r.Ventures)
            .Build(teams.Select(team =>
            {
                var members = volunteers.Where(v => v.Teams.Contains(team)).ToList();
                return new TeamRow(team, members.Count, members.Sum(v => v.Hours), tasks.Count(t => t.Team == team),
                    tasks.Count(t => t.Team == team && t.Status == MicroTaskStatus.Confirmed), wishes.Count(w => w.ClaimedByTeam == team),
                    ventures.Count(v => v.TeamId == team));
            }));
    }

    private sealed record GridRow(int Grid, string Communities, int Wishes, int WishesConfirmed, int Needs, int NeedsMatched);

    private static Ledger Grids(IReadOnlyList<WishCard> wishes, IReadOnlyList<NeedCard> needs)
    {
        var grids = wishes.Select(w => w.Grid).Concat(needs.Select(n => n.Grid)).OfType<int>().Distinct().Order();
        return new LedgerBuilder<GridRow>("grids", "微网格台账")
            .Column("grid", "网格", r => r.Grid)
            .Column("communities", "社区", r => r.Communities)
            .Column("wishes", "微心愿", r => r.Wishes)
            .Column("wishesConfirmed", "已实现微心愿", r => r.WishesConfirmed)
            .Column("needs", "需求", r => r.Needs)
            .Column("needsMatched", "已对接需求", r => r.NeedsMatched)
            .Build(grids.Select(grid => new GridRow(grid,
                string.Join("、", wishes.Where(w => w.Grid == grid).Select(w => w.Community).Concat(needs.Where(n => n.Grid == grid).Select(n => n.Community)).Distinct()),
                wishes.Count(w => w.Grid == grid), wishes.Count(w => w.Grid == grid && w.Status == WishStatus.Confirmed),
                needs.Count(n => n.Grid == grid), needs.Count(n => n.Grid == grid && n.Matched))));
    }

    private static string? Day(DateTimeOffset? at) => at?.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");

    private static string Label(MicroTaskStatus status) => status switch
    {
        MicroTaskStatus.Open => "待认领",
        MicroTaskStatus.Claimed => "已认领",
        MicroTaskStatus.Completed => "已完成",
        _ => "已确认"
    };

    private static string Label(WishStatus status) => status switch
    {
        WishStatus.Open => "待认领",
        WishStatus.Claimed => "已认领",
        WishStatus.Fulfilled => "已实现",
        _ => "已确认"
    };

    private static string Label(VentureStatus status) => status switch
    {
        VentureStatus.Proposed => "申报中",
        VentureStatus.Approved => "已立项",
        VentureStatus.Declined => "未通过",
        _ => "已结项"
    };
}
