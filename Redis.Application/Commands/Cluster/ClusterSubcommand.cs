namespace Redis.Application.Commands.Cluster;

/// <summary>The <c>CLUSTER</c> subcommands this server serves.</summary>
public enum ClusterSubcommand
{
    AddSlots,
    AddSlotsRange,
    BumpEpoch,
    CountFailureReports,
    CountKeysInSlot,
    DelSlots,
    DelSlotsRange,
    FlushSlots,
    Forget,
    GetKeysInSlot,
    Help,
    Info,
    KeySlot,
    Meet,
    MyId,
    Nodes,
    Replicas,
    Reset,
    SetConfigEpoch,
    Shards,
    Slots,
}
