using Weasel.Core.Migrations;
using Weasel.Postgresql.Tables;

namespace IssueTracker.Host.Audit;

/// <summary>
/// The qualified names of Marten's streams, events and projection progress tables, as Marten's own event store feature lists its schema
/// objects: Marten keeps the names internal, and spelling them here would break silently on a rename or a schema change.
/// </summary>
public sealed record EventTables(string Streams, string Events, string Progression)
{
    public static EventTables Of(IDocumentStore store)
    {
        var tables = ((IFeatureSchema)((StoreOptions)store.Options).Events).Objects.OfType<Table>().ToList();
        string Named(string kind) => tables.Single(t => t.GetType().Name == kind).Identifier.QualifiedName;
        return new EventTables(Named("StreamsTable"), Named("EventsTable"), Named("EventProgressionTable"));
    }
}
