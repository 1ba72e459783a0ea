using IssueTracker.Domain.Organisations;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace IssueTracker.Projections.OrganisationDirectory;

public sealed partial class DirectoryEntryProjection : SingleStreamProjection<DirectoryEntry, Guid>
{
    // Evolve hides which events it folds; without this list every command on an issue would load an entry it never has.
    public DirectoryEntryProjection()
    {
        IncludeType<OrganisationRegistered>();
        IncludeType<OrganisationUpdated>();
    }

    public override DirectoryEntry? Evolve(DirectoryEntry? entry, Guid id, IEvent e) => (entry, e.Data) switch
    {
        (null, OrganisationRegistered r) => With(new DirectoryEntry { Id = id, Slug = r.Slug }, r.Profile, e, r.At),
        (not null, OrganisationUpdated u) => With(entry, u.Profile, e, u.At),
        _ => entry
    };

    private static DirectoryEntry With(DirectoryEntry entry, OrganisationProfile profile, IEvent e, DateTimeOffset at) => entry with
    {
        Name = profile.Name,
        Kind = profile.Kind,
        Contact = profile.Contact,
        Active = profile.Active,
        Notify = profile.Notify,
        Version = (int)e.Version,
        UpdatedAt = at
    };
}
