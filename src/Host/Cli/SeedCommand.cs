using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Shared;
using IssueTracker.Host.Infrastructure;
using JasperFx.CommandLine;
using Marten;

namespace IssueTracker.Host.Cli;

public sealed class SeedInput : NetCoreInput
{
    [Description("The street (tenant) to fill")]
    public string StreetFlag { get; set; } = Streets.Default;

    [Description("How many rounds of the demo issues to raise (each round is 5 issues)")]
    public int RoundsFlag { get; set; } = 1;
}

/// <summary>
/// Demo data from 明光路街道's own cases, moved along their lifecycle by the same decide functions the API uses, so
/// the board and the history have something true to show. Each issue is one transaction; rerunning adds more.
/// </summary>
[Description("Raises demo issues (明光路街道's cases) and moves them along their lifecycle, with progress", Name = "seed")]
public sealed class SeedCommand : JasperFxAsyncCommand<SeedInput>
{
    private static readonly Actor Reporter = new("grid-12", "网格员小陈", Roles.Reporter, null);
    private static readonly Actor Host = new("host-li", "李主任", Roles.Host, null);
    private static readonly Actor Company = new("wy-zhang", "物业小张", Roles.Assignee, "hongse-wuye");

    private static readonly (string Title, IssueCategory Category, string Compound, int Grid, int Steps)[] Cases =
    [
        ("明光小区地锁占道", IssueCategory.Parking, "明光小区", 12, 4),
        ("群力新村散养家禽", IssueCategory.Animals, "群力新村", 7, 3),
        ("矿机二村老楼漏水", IssueCategory.Repairs, "矿机二村", 3, 2),
        ("来安花园交房后墙面开裂", IssueCategory.Property, "来安花园", 21, 1),
        ("东来家园楼道堆物", IssueCategory.Safety, "东来家园", 25, 0)
    ];

    public override async Task<bool> Execute(SeedInput input)
    {
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var clock = host.Services.GetRequiredService<TimeProvider>();
        var total = Cases.Length * input.RoundsFlag;
        for (var i = 0; i < total; i++)
        {
            var (title, category, compound, grid, steps) = Cases[i % Cases.Length];
            await using var session = store.LightweightSession(input.StreetFlag);
            var now = clock.GetUtcNow();
            var raised = Issue.Raise(new RaiseIssue(title, $"{compound}居民在议事会上反映。", category,
                new Location("明光社区", compound, null, grid), new Reporter("王女士", null), Urgency.Normal, []), Reporter, now);
            var id = Guid.CreateVersion7();
            var events = raised.Events.ToList();
            var issue = Issue.Replay(id, events)!;
            foreach (var next in Lifecycle(now).Take(steps))
            {
                var decision = next(issue);
                if (decision.Rejection is { } rejection) throw new InvalidOperationException(rejection.Detail);
                events.AddRange(decision.Events);
                issue = Issue.Replay(id, events)!;
            }
            session.Events.StartStream<Issue>(id, events);
            await session.SaveChangesAsync();
            Console.WriteLine($"  {i + 1}/{total}  {title}  → {issue.Status}");
        }
        Console.WriteLine($"Seeded {total} issues in street {input.StreetFlag}.");
        return true;
    }

    private static IEnumerable<Func<Issue, Decision>> Lifecycle(DateTimeOffset now) =>
    [
        issue => issue.Assign(new AssignIssue("hongse-wuye", now.AddDays(7), "请红色物业牵头处理。"), Host, now),
        issue => issue.Acknowledge(new AcknowledgeAssignment("已签收。"), Company, now),
        issue => issue.ReportProgress(new ReportProgress("已到现场查看，正在协调。"), Company, now),
        issue => issue.Resolve(new ResolveIssue("已处理完毕，居民认可。"), Company, now)
    ];
}
