using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Microsolidarity.Hub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DecisionKinds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ChosenOptionId",
                table: "Decisions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "WorkingGroupId",
                table: "Decisions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DecisionAdvisers",
                columns: table => new
                {
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionAdvisers", x => new { x.DecisionId, x.UserId });
                    table.ForeignKey(
                        name: "FK_DecisionAdvisers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DecisionAdvisers_Decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DecisionOptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionOptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DecisionOptions_Decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DecisionPollAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Availability = table.Column<int>(type: "INTEGER", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionPollAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DecisionPollAnswers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DecisionPollAnswers_DecisionOptions_OptionId",
                        column: x => x.OptionId,
                        principalTable: "DecisionOptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_WorkingGroupId_CreatedAt",
                table: "Decisions",
                columns: new[] { "WorkingGroupId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionAdvisers_UserId",
                table: "DecisionAdvisers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionOptions_DecisionId_Position",
                table: "DecisionOptions",
                columns: new[] { "DecisionId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DecisionPollAnswers_DecisionId_UserId",
                table: "DecisionPollAnswers",
                columns: new[] { "DecisionId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionPollAnswers_OptionId_UserId",
                table: "DecisionPollAnswers",
                columns: new[] { "OptionId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DecisionPollAnswers_UserId",
                table: "DecisionPollAnswers",
                column: "UserId");

            migrationBuilder.AddForeignKey(
                name: "FK_Decisions_WorkingGroups_WorkingGroupId",
                table: "Decisions",
                column: "WorkingGroupId",
                principalTable: "WorkingGroups",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Decisions_WorkingGroups_WorkingGroupId",
                table: "Decisions");

            migrationBuilder.DropTable(
                name: "DecisionAdvisers");

            migrationBuilder.DropTable(
                name: "DecisionPollAnswers");

            migrationBuilder.DropTable(
                name: "DecisionOptions");

            migrationBuilder.DropIndex(
                name: "IX_Decisions_WorkingGroupId_CreatedAt",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "ChosenOptionId",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "WorkingGroupId",
                table: "Decisions");
        }
    }
}
