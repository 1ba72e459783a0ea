// The browser tests run a second host with its own async daemon on the same database; collections must not overlap.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
