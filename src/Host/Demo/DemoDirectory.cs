using IssueTracker.Domain.Organisations;
using IssueTracker.Domain.Shared;
using static IssueTracker.Domain.Organisations.OrganisationKind;

namespace IssueTracker.Host.Demo;

/// <summary>明光路街道's directory (责任单位名录): every organisation the demo events name, and the story's others.</summary>
public static class DemoDirectory
{
    private static readonly Actor Admin = new("admin-1", "街道管理员", Roles.Admin, null);

    public static readonly (string Slug, string Name, OrganisationKind Kind, string? Person, string? Phone)[] Entries =
    [
        ("hongse-wuye", DemoStreet.Organisations["hongse-wuye"], PropertyCompany, "张经理", "0551-6421 0001"),
        ("anju-wuye", DemoStreet.Organisations["anju-wuye"], PropertyCompany, "周经理", "0551-6421 0002"),
        ("donglai-wuye", DemoStreet.Organisations["donglai-wuye"], PropertyCompany, "陈经理", "0551-6421 0003"),
        ("hongse-yeweihui", "红色业委会（明光小区）", OwnersCommittee, "刘主任", null),
        ("datonglu-pcs", DemoStreet.Organisations["datonglu-pcs"], Police, "值班室", "0551-6421 0110"),
        ("chengguan", DemoStreet.Organisations["chengguan"], Department, "城管中队", "0551-6421 0004"),
        ("anjian", "街道安监办", Department, null, "0551-6421 0005"),
        ("shichang-jiandu", "市场监督管理所", Department, null, "0551-6421 0006"),
        ("huanbao", "街道环保办", Department, null, "0551-6421 0007"),
        ("jiaojing", "交警大队明光路中队", Police, null, "0551-6421 0122"),
        .. VolunteerSeeder.Teams.Select(t => (t.Id, t.Name, VolunteerTeam, (string?)null, (string?)null))
    ];

    /// <summary>Lists each entry the street does not have yet; returns how many were added.</summary>
    public static async Task<int> SeedAsync(IDocumentStore store, string street, DateTimeOffset now)
    {
        await using var session = store.LightweightSession(street);
        var added = 0;
        foreach (var (slug, name, kind, person, phone) in Entries)
        {
            var id = OrganisationIds.StreamId(street, slug);
            if (await session.Events.FetchStreamStateAsync(id) is not null) continue;
            var decision = Organisation.Register(new RegisterOrganisation(slug, name, kind, new Contact(person, phone, null), true),
                exists: false, Admin, now);
            session.Events.StartStream<Organisation>(id, [.. decision.Events]);
            added++;
        }
        await session.SaveChangesAsync();
        return added;
    }
}
