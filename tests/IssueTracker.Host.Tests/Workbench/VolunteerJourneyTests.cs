using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IssueTracker.Host.Tests.Boards;
using IssueTracker.Host.Volunteers;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IssueTracker.Host.Tests.Workbench;

[Collection(BrowserCollection.Name)]
public class VolunteerJourneyTests(BrowserApp app)
{
    private const string Volunteer = "vol-zhang", Leader = "lead-shequ-xiaobangke", Team = "shequ-xiaobangke";

    [Fact]
    public async Task A_wish_and_a_micro_task_go_from_creation_to_confirmation_in_the_workbench_and_the_volunteers_points_follow()
    {
        var street = new WorkbenchStreet(app);
        await ListTeam(street);

        var phone = await street.SignIn(Volunteer, 390, 844);
        await Expect(phone.Locator("[data-test='menu-volunteer']")).ToBeVisibleAsync();
        (await phone.Locator("[data-test='menu-meetings'], [data-test='menu-ledgers'], [data-test='menu-inbox']").CountAsync()).ShouldBe(0);
        await phone.Locator("input[data-test='name']").FillAsync("张小帮");
        await phone.Locator("input[data-test='contact']").FillAsync("13900001111");
        await phone.Locator("input[data-test='skills']").FillAsync("水电维修，搬运");
        await phone.Locator("input[data-test='community']").FillAsync("明光社区");
        await phone.Locator("[data-test='submit']").ClickAsync();
        await Expect(phone.Locator("[data-test='my-points']")).ToHaveTextAsync("0");
        await phone.Locator("[data-test='team']").ClickAsync();
        await phone.GetByRole(AriaRole.Option, new() { Name = "社区小帮客" }).ClickAsync();
        await phone.Locator("[data-test='join']").ClickAsync();
        await Expect(phone.Locator("[data-test='my-teams']")).ToContainTextAsync("社区小帮客");
        var volunteer = VolunteerIds.ForAccount(street.Id, Volunteer);

        // 微心愿: the grid worker records it, the volunteer claims it (by keyboard) and fulfils it, the grid worker confirms.
        var grid = await street.SignIn(WorkbenchStreet.Reporter);
        await grid.Locator("[data-test='menu-wishes']").ClickAsync();
        await grid.Locator("[data-test='record-wish']").ClickAsync();
        await grid.Locator("input[data-test='title']").FillAsync("想请人陪同去医院复查");
        await grid.Locator("textarea[data-test='description']").FillAsync("独居老人术后复查，行动不便。");
        await grid.Locator("input[data-test='community']").FillAsync("明光社区");
        await grid.Locator("input[data-test='resident-name']").FillAsync("赵奶奶");
        await grid.Locator("[data-test='wish-form'] [data-test='submit']").ClickAsync();
        var recorded = Card(grid, "wishes", "想请人陪同去医院复查");
        await Expect(recorded.Locator("[data-test='status']")).ToHaveTextAsync("待认领");
        var wish = Guid.Parse((await recorded.GetAttributeAsync("data-test"))!["wish-".Length..]);

        await phone.Locator("[data-test='menu-wishes']").ClickAsync();
        var open = Card(phone, "wishes", "想请人陪同去医院复查");
        await open.Locator("[data-test='wish-claim']").FocusAsync();
        await phone.Keyboard.PressAsync("Enter");
        await Expect(open.Locator("[data-test='status']")).ToHaveTextAsync("已认领");
        await open.Locator("[data-test='wish-fulfil']").ClickAsync();
        await open.Locator("textarea[data-test='note']").FillAsync("已陪同老人完成复查并送回家。");
        await open.Locator("[data-test='submit']").ClickAsync();
        await Expect(open.Locator("[data-test='status']")).ToHaveTextAsync("已完成待确认");
        await WorkbenchStreet.ShouldFitWidth(phone);
        await WorkbenchStreet.Screenshot(phone, "volunteer-wishes-phone");

        await grid.ReloadAsync();
        var fulfilled = Card(grid, "wishes", "想请人陪同去医院复查");
        await fulfilled.Locator("[data-test='wish-confirm']").ClickAsync();
        await Expect(fulfilled.Locator("[data-test='status']")).ToHaveTextAsync("已确认");

        await phone.Locator("[data-test='menu-volunteer']").ClickAsync();
        await Expect(phone.Locator("[data-test='my-points']")).ToHaveTextAsync("20");
        (await Mine(street)).ShouldBe((0m, 20));

        // 微实事: the host turns a meeting's issue into one, the team's leader claims it and reports who took part, the host confirms.
        var issue = await street.Raise("矿机二村楼道杂物清理", "safety", "矿机二村");
        var host = await street.SignIn(WorkbenchStreet.Host);
        await host.GotoAsync(new Uri(app.BaseAddress, $"/issues/{issue}").ToString());
        await host.Locator("[data-test='to-micro-task']").ClickAsync();
        await Expect(host.Locator("[data-test='from-issue']")).ToBeVisibleAsync();
        await host.Locator("[data-test='task-form'] [data-test='submit']").ClickAsync();
        var published = Card(host, "tasks", "矿机二村楼道杂物清理");
        await Expect(published.Locator("[data-test='status']")).ToHaveTextAsync("待认领");
        var task = Guid.Parse((await published.GetAttributeAsync("data-test"))!["task-".Length..]);
        using (var reader = street.Api(WorkbenchStreet.Host))
            (await reader.GetFromJsonAsync<JsonElement>($"/api/micro-tasks/{task}")).GetProperty("issueId").GetGuid().ShouldBe(issue);

        var leader = await street.SignIn(Leader, 390, 844);
        var claimable = Card(leader, "tasks", "矿机二村楼道杂物清理");
        await claimable.Locator("[data-test='task-claim']").ClickAsync();
        await Expect(claimable.Locator("[data-test='status']")).ToHaveTextAsync("已认领");
        await claimable.Locator("[data-test='task-complete']").ClickAsync();
        await claimable.Locator("textarea[data-test='report']").FillAsync("清理楼道杂物六车，消防通道已畅通。");
        await claimable.Locator($"[data-test='member-{volunteer}']").ClickAsync();
        var hours = claimable.Locator($"[data-test='hours-{volunteer}'] input, input[data-test='hours-{volunteer}']");
        await hours.FillAsync("3");
        await hours.PressAsync("Tab");
        await claimable.Locator("[data-test='submit']").ClickAsync();
        await Expect(claimable.Locator("[data-test='status']")).ToHaveTextAsync("已完成待确认");
        await WorkbenchStreet.ShouldFitWidth(leader);
        await WorkbenchStreet.Screenshot(leader, "leader-micro-tasks-phone");

        await host.ReloadAsync();
        var completed = Card(host, "tasks", "矿机二村楼道杂物清理");
        await completed.Locator("[data-test='task-confirm']").ClickAsync();
        await Expect(completed.Locator("[data-test='status']")).ToHaveTextAsync("已确认");
        await WorkbenchStreet.Screenshot(host, "host-micro-tasks-desktop");

        await phone.ReloadAsync();
        await Expect(phone.Locator("[data-test='my-hours']")).ToHaveTextAsync("3");
        await Expect(phone.Locator("[data-test='my-points']")).ToHaveTextAsync("50");
        await Expect(phone.Locator("[data-test='points-history']")).ToContainTextAsync("微心愿：想请人陪同去医院复查");
        await WorkbenchStreet.ShouldFitWidth(phone);
        await WorkbenchStreet.Screenshot(phone, "volunteer-home-phone");
        (await Mine(street)).ShouldBe((3m, 50));

        (await street.Story(wish)).ShouldBe([("wish_recorded", WorkbenchStreet.Reporter), ("wish_claimed", Volunteer),
            ("wish_fulfilled", Volunteer), ("wish_confirmed", WorkbenchStreet.Reporter)]);
        (await street.Story(task)).ShouldBe([("micro_task_published", WorkbenchStreet.Host), ("micro_task_claimed", Leader),
            ("micro_task_completed", Leader), ("micro_task_confirmed", WorkbenchStreet.Host)]);
        (await street.Story(volunteer)).ShouldBe([("volunteer_registered", Volunteer), ("volunteer_joined_team", Volunteer),
            ("points_awarded", WorkbenchStreet.Reporter), ("service_recorded", WorkbenchStreet.Host)]);
    }

    [Fact]
    public async Task A_volunteer_redeems_what_their_points_buy_and_hosts_download_the_ledgers()
    {
        var street = new WorkbenchStreet(app);
        await ListTeam(street);
        using var staff = street.Api(WorkbenchStreet.Host);
        var volunteer = await RegisterWithHours(street, 3);
        (await staff.PostAsJsonAsync("/api/rewards", new { name = "爱心理发券", cost = 30, stock = 1 })).EnsureSuccessStatusCode();
        (await staff.PostAsJsonAsync("/api/rewards", new { name = "志愿者马甲", cost = 80, stock = 5 })).EnsureSuccessStatusCode();

        var phone = await street.SignIn(Volunteer, 390, 844);
        await phone.Locator("[data-test='menu-rewards']").ClickAsync();
        await Expect(phone.Locator("[data-test='my-points']")).ToHaveTextAsync("30");
        var haircut = Card(phone, "rewards", "爱心理发券");
        await Expect(Card(phone, "rewards", "志愿者马甲").Locator("[data-test='redeem']")).ToBeDisabledAsync();
        await haircut.Locator("[data-test='redeem']").DblClickAsync();
        await Expect(phone.Locator("[data-test='done']")).ToBeVisibleAsync();
        await Expect(phone.Locator("[data-test='my-points']")).ToHaveTextAsync("0");
        await Expect(haircut.Locator("[data-test='stock']")).ToHaveTextAsync("0");
        await WorkbenchStreet.Screenshot(phone, "volunteer-rewards-phone");
        (await street.Story(volunteer)).Count(e => e.Type == "points_redeemed").ShouldBe(1);

        using (var overKestrel = await staff.GetAsync("/api/ledgers/teams?format=xlsx"))
            overKestrel.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await overKestrel.Content.ReadAsStringAsync());
        var host = await street.SignIn(WorkbenchStreet.Host);
        await host.Locator("[data-test='menu-ledgers']").ClickAsync();
        await host.Locator("[data-test='kind-teams']").ClickAsync();
        await Expect(host.Locator("[data-test='ledger-teams']")).ToContainTextAsync(Team);
        var download = await host.RunAndWaitForDownloadAsync(() => host.Locator("[data-test='download']").ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".xlsx");
        var path = await download.PathAsync();
        (await File.ReadAllBytesAsync(path!)).Take(2).ShouldBe("PK"u8.ToArray());
        await WorkbenchStreet.Screenshot(host, "host-ledgers-desktop");
    }

    private static ILocator Card(IPage page, string list, string text) =>
        page.Locator($"[data-test='{list}'] > .el-card", new() { HasText = text });

    /// <summary>The volunteer team in the street's directory, as its hosts would have listed it.</summary>
    private async Task ListTeam(WorkbenchStreet street)
    {
        await street.ListDirectory();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            IssueTracker.Host.Infrastructure.DevTokens.Create(app.Auth, "admin-1", "管理员", "admin", street.Id, null));
        (await http.PostAsJsonAsync("/api/organisations", new { id = Team, name = "社区小帮客", kind = "volunteerTeam" })).EnsureSuccessStatusCode();
    }

    private static async Task<Guid> RegisterWithHours(WorkbenchStreet street, decimal hours)
    {
        using var self = street.Api(Volunteer);
        var registered = await self.PostAsJsonAsync("/api/volunteers", new { name = "张小帮", contact = "13900001111", skills = new[] { "搬运" }, community = "明光社区" });
        registered.EnsureSuccessStatusCode();
        var id = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await self.PostAsJsonAsync($"/api/volunteers/{id}/teams", new { teamId = Team })).EnsureSuccessStatusCode();
        using var leader = street.Api(Leader);
        (await leader.PostAsJsonAsync($"/api/volunteers/{id}/service-records",
            new { activity = "楼道清理", hours, servedOn = DateOnly.FromDateTime(DateTime.UtcNow) })).EnsureSuccessStatusCode();
        return id;
    }

    private static async Task<(decimal Hours, int Points)> Mine(WorkbenchStreet street)
    {
        using var self = street.Api(Volunteer);
        var me = await self.GetFromJsonAsync<JsonElement>("/api/volunteers/me");
        return (me.GetProperty("hours").GetDecimal(), me.GetProperty("points").GetInt32());
    }
}
