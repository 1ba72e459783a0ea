using System.Net.Http.Json;
using System.Text.Json;
using IssueTracker.Host.Tests.Boards;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IssueTracker.Host.Tests.Workbench;

[Collection(BrowserCollection.Name)]
public class WorkbenchBehaviourTests(BrowserApp app)
{
    [Fact]
    public async Task A_503_keeps_the_form_and_says_the_service_is_busy_and_the_retry_raises_once_with_the_same_key()
    {
        var street = new WorkbenchStreet(app);
        var page = await street.SignIn(WorkbenchStreet.Reporter, 390, 844);
        var keys = new List<string?>();
        await page.RouteAsync("**/api/issues", async route =>
        {
            if (route.Request.Method != "POST")
            {
                await route.ContinueAsync();
                return;
            }
            keys.Add(await route.Request.HeaderValueAsync("idempotency-key"));
            if (keys.Count == 1)
                await route.FulfillAsync(new()
                {
                    Status = 503, ContentType = "application/problem+json",
                    Body = """{"type":"urn:issuetracker:problem:unavailable","title":"Service Unavailable","status":503}"""
                });
            else await route.ContinueAsync();
        });

        await page.Locator("[data-test='menu-raise']").ClickAsync();
        await page.Locator("input[data-test='title']").FillAsync("明光小区垃圾清运不及时");
        await page.Locator("[data-test='category-sanitation']").ClickAsync();
        await page.Locator("input[data-test='community']").FillAsync("明光社区");
        await page.Locator("textarea[data-test='description']").FillAsync("三天未清运");
        await page.Locator("[data-test='submit']").ClickAsync();

        await Expect(page.Locator("[data-test='problem']")).ToContainTextAsync("服务繁忙");
        await Expect(page.Locator("input[data-test='title']")).ToHaveValueAsync("明光小区垃圾清运不及时");
        await Expect(page.Locator("textarea[data-test='description']")).ToHaveValueAsync("三天未清运");
        await Expect(page.Locator("input[data-test='community']")).ToHaveValueAsync("明光社区");
        using var host = street.Api(WorkbenchStreet.Host);
        (await Total(host)).ShouldBe(0);

        await page.Locator("[data-test='submit']").ClickAsync();
        await Expect(page.Locator("[data-test='issue-title']")).ToHaveTextAsync("明光小区垃圾清运不及时");
        keys.Count.ShouldBe(2);
        keys[1].ShouldNotBeNullOrEmpty();
        keys[1].ShouldBe(keys[0], "a retry after a 503 is the same submission");
        (await Total(host)).ShouldBe(1);
        var issue = Guid.Parse(page.Url.Split('/')[^1]);
        (await street.Story(issue)).ShouldBe([("issue_raised", WorkbenchStreet.Reporter)]);
        street.ShouldHaveNoPolicyViolations();
    }

    [Fact]
    public async Task An_upload_whose_answer_was_lost_is_sent_again_with_the_same_key_and_attaches_once()
    {
        var street = new WorkbenchStreet(app);
        var page = await street.SignIn(WorkbenchStreet.Reporter, 390, 844);
        var uploads = 0;
        await page.RouteAsync("**/api/issues/*/attachments", async route =>
        {
            if (++uploads > 1)
            {
                await route.ContinueAsync();
                return;
            }
            // The host answers the first upload; the answer never reaches the phone (the network dropped).
            (await route.FetchAsync()).Status.ShouldBe(201);
            await route.AbortAsync("connectionreset");
        });

        await page.Locator("[data-test='menu-raise']").ClickAsync();
        await page.Locator("input[data-test='title']").FillAsync("滨河社区楼道堆物");
        await page.Locator("[data-test='category-safety']").ClickAsync();
        await page.Locator("input[data-test='community']").FillAsync("滨河社区");
        await page.Locator("input[data-test='photo-files']").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "楼道.jpg", MimeType = "image/jpeg", Buffer = Attachments.TestImages.Jpeg() },
            new FilePayload { Name = "stairs.webp", MimeType = "image/webp", Buffer = Attachments.TestImages.Webp() }
        });
        await page.Locator("[data-test='submit']").ClickAsync();
        await Expect(page.Locator("[data-test='problem']")).ToContainTextAsync("网络异常");
        await page.Locator("[data-test='submit']").ClickAsync();
        await Expect(page.Locator("[data-test='issue-title']")).ToHaveTextAsync("滨河社区楼道堆物");
        await Expect(page.Locator("[data-test='photos-report'] img")).ToHaveCountAsync(2);

        uploads.ShouldBe(2);
        var issue = Guid.Parse(page.Url.Split('/')[^1]);
        (await street.Story(issue)).ShouldBe([("issue_raised", WorkbenchStreet.Reporter), ("photo_attached", WorkbenchStreet.Reporter),
            ("photo_attached", WorkbenchStreet.Reporter)], "the retry was answered from the first upload's record");
        using var host = street.Api(WorkbenchStreet.Host);
        (await Total(host)).ShouldBe(1);
        street.ShouldHaveNoPolicyViolations();
    }

    [Fact]
    public async Task Hongse_acknowledges_and_reports_progress_with_the_keyboard_alone()
    {
        var street = new WorkbenchStreet(app);
        var issue = await street.Raise("矿机二村老楼漏水", "repairs", "矿机二村");
        await street.Command(WorkbenchStreet.Host, issue, "assign", new { assignee = "hongse-wuye", dueBy = DateTimeOffset.UtcNow.AddDays(3), note = (string?)null });
        var page = await street.SignIn(WorkbenchStreet.Hongse, 390, 844);
        await Expect(page.Locator($"[data-test='queue-{issue}']")).ToBeVisibleAsync();
        await page.ReloadAsync(); // a fresh load, as a keyboard user opens the workbench: Tab starts at the top
        await Expect(page.Locator($"[data-test='queue-{issue}']")).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("Tab");
        (await Focused(page, ".skip")).ShouldBeTrue("the first stop skips to the content");
        await TabTo(page, $"[data-test='queue-{issue}'] [data-test='issue-link']");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[data-test='issue-title']")).ToHaveTextAsync("矿机二村老楼漏水");

        await TabTo(page, "[data-test='action-acknowledge']");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[data-test='issue-summary'] [data-test='status']")).ToHaveTextAsync("已签收");

        await TabTo(page, "[data-test='action-progress']");
        await page.Keyboard.PressAsync("Enter");
        await TabTo(page, "textarea[data-test='note']");
        await page.Keyboard.TypeAsync("已联系施工队");
        await TabTo(page, "[data-test='submit']");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[data-test='issue-summary'] [data-test='status']")).ToHaveTextAsync("处理中");

        (await street.Story(issue)).ShouldBe([("issue_raised", WorkbenchStreet.Reporter), ("issue_assigned", WorkbenchStreet.Host),
            ("assignment_acknowledged", WorkbenchStreet.Hongse), ("progress_reported", WorkbenchStreet.Hongse)]);
        (await street.Events(issue)).Last().Data.ShouldBeOfType<Domain.Issues.ProgressReported>().Note.ShouldBe("已联系施工队");
        street.ShouldHaveNoPolicyViolations();
    }

    [Fact]
    public async Task The_organisation_picker_offers_the_directorys_active_entries_by_name()
    {
        var street = new WorkbenchStreet(app);
        var issue = await street.Raise("来安花园墙面开裂", "repairs", "来安花园");
        await street.ListDirectory();
        using (var host = street.Api(WorkbenchStreet.Host))
            (await host.PutAsJsonAsync("/api/organisations/anju-wuye", new { name = "安居物业", kind = "propertyCompany", contact = (object?)null, active = false }))
                .IsSuccessStatusCode.ShouldBeTrue();

        var page = await street.SignIn(WorkbenchStreet.Host);
        await page.GotoAsync(new Uri(app.BaseAddress, $"/issues/{issue}").ToString());
        await page.Locator("[data-test='action-assign']").ClickAsync();
        await page.Locator("[data-test='organisation']").ClickAsync();
        await Expect(page.Locator("[data-test^='organisation-']")).ToHaveCountAsync(2);
        await Expect(page.GetByRole(AriaRole.Option, new() { Name = "大通路派出所", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Option, new() { Name = "安居物业" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Option, new() { Name = "红色物业", Exact = true }).ClickAsync();
        await page.Locator("[data-test='action-form'] [data-test='submit']").ClickAsync();
        await Expect(page.Locator("[data-test='assignee']")).ToHaveTextAsync("红色物业");

        (await street.Events(issue)).Last().Data.ShouldBeOfType<Domain.Issues.IssueAssigned>().Assignee.ShouldBe("hongse-wuye");
    }

    [Fact]
    public async Task The_host_marks_a_duplicate_by_searching_the_server_for_the_other_issue()
    {
        var street = new WorkbenchStreet(app);
        var original = await street.Raise("明光小区地锁占道", "parking");
        await street.Raise("群力新村散养家禽", "animals", "群力新村");
        var again = await street.Raise("明光小区消防通道又被地锁占了", "parking");
        var page = await street.SignIn(WorkbenchStreet.Host);
        await page.GotoAsync(new Uri(app.BaseAddress, $"/issues/{again}").ToString());
        await page.Locator("[data-test='action-duplicate']").ClickAsync();
        await page.Locator("[data-test='duplicate-of']").ClickAsync();
        await page.Locator("[data-test='duplicate-of'] input").FillAsync("散养");
        await Expect(page.GetByRole(AriaRole.Option)).ToHaveTextAsync(["群力新村散养家禽"]);
        await page.Locator("[data-test='duplicate-of'] input").FillAsync("地锁占道");
        await Expect(page.GetByRole(AriaRole.Option)).ToHaveTextAsync(["明光小区地锁占道"]);
        await page.GetByRole(AriaRole.Option, new() { Name = "明光小区地锁占道" }).ClickAsync();
        await page.Locator("[data-test='action-form'] [data-test='submit']").ClickAsync();
        await Expect(page.Locator("[data-test='issue-summary'] [data-test='status']")).ToHaveTextAsync("重复");

        (await street.Events(again)).Last().Data.ShouldBeOfType<Domain.Issues.IssueMarkedDuplicate>().Of.ShouldBe(original);
        street.ShouldHaveNoPolicyViolations();
    }

    [Fact]
    public async Task The_policy_watch_catches_an_inline_script()
    {
        var street = new WorkbenchStreet(app);
        var page = await street.SignIn(WorkbenchStreet.Auditor);
        await page.EvaluateAsync("""() => { const s = document.createElement("script"); s.textContent = "window.inlineRan = true"; document.body.append(s); }""");
        await Expect(page.Locator("[data-test='menu']")).ToBeVisibleAsync();
        (await page.EvaluateAsync<bool>("() => window.inlineRan === true")).ShouldBeFalse("the host's policy let an inline script run");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (street.PolicyViolations.Count == 0 && clock.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(100);
        street.PolicyViolations.ShouldNotBeEmpty();
        Should.Throw<ShouldAssertException>(street.ShouldHaveNoPolicyViolations);
    }

    private static Task<bool> Focused(IPage page, string selector) =>
        page.EvaluateAsync<bool>("s => document.activeElement !== null && document.activeElement.matches(s)", selector);

    /// <summary>Presses Tab until the element has the focus, as a keyboard user moves through the page.</summary>
    private static async Task TabTo(IPage page, string selector, int most = 80)
    {
        for (var i = 0; i < most; i++)
        {
            if (await Focused(page, selector)) return;
            await page.Keyboard.PressAsync("Tab");
        }
        (await Focused(page, selector)).ShouldBeTrue($"Tab never reached {selector}");
    }

    private static async Task<int> Total(HttpClient http) =>
        (await http.GetFromJsonAsync<JsonElement>("/api/issues")).GetProperty("total").GetInt32();
}
