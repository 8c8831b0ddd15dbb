using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Microsolidarity.Hub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NotPlacedKind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "NotPlaced",
                table: "FormationParticipants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NotPlaced",
                table: "FormationParticipants");
        }
    }
}
