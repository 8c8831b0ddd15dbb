using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Microsolidarity.Hub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Cohorts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "GatheringId",
                table: "PracticePrograms",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FromGathering",
                table: "PracticeParticipants",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "InvitedAt",
                table: "PracticeParticipants",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Left",
                table: "PracticeParticipants",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "UserId",
                table: "PracticeParticipants",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "CongregationId",
                table: "FormationRounds",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<Guid>(
                name: "ProgramId",
                table: "FormationRounds",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ProgramId",
                table: "EmailInvitations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProgramFacilitators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgramId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    InvitedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    InvitedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgramFacilitators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgramFacilitators_AspNetUsers_InvitedByUserId",
                        column: x => x.InvitedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ProgramFacilitators_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProgramFacilitators_PracticePrograms_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "PracticePrograms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PracticePrograms_GatheringId",
                table: "PracticePrograms",
                column: "GatheringId");

            migrationBuilder.CreateIndex(
                name: "IX_PracticeParticipants_UserId",
                table: "PracticeParticipants",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_FormationRounds_ProgramId",
                table: "FormationRounds",
                column: "ProgramId");

            migrationBuilder.CreateIndex(
                name: "IX_EmailInvitations_ProgramId",
                table: "EmailInvitations",
                column: "ProgramId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgramFacilitators_InvitedByUserId",
                table: "ProgramFacilitators",
                column: "InvitedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgramFacilitators_ProgramId_UserId",
                table: "ProgramFacilitators",
                columns: new[] { "ProgramId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgramFacilitators_UserId",
                table: "ProgramFacilitators",
                column: "UserId");

            migrationBuilder.AddForeignKey(
                name: "FK_EmailInvitations_PracticePrograms_ProgramId",
                table: "EmailInvitations",
                column: "ProgramId",
                principalTable: "PracticePrograms",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_FormationRounds_PracticePrograms_ProgramId",
                table: "FormationRounds",
                column: "ProgramId",
                principalTable: "PracticePrograms",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_PracticeParticipants_AspNetUsers_UserId",
                table: "PracticeParticipants",
                column: "UserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_PracticePrograms_GatheringEvents_GatheringId",
                table: "PracticePrograms",
                column: "GatheringId",
                principalTable: "GatheringEvents",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_EmailInvitations_PracticePrograms_ProgramId",
                table: "EmailInvitations");

            migrationBuilder.DropForeignKey(
                name: "FK_FormationRounds_PracticePrograms_ProgramId",
                table: "FormationRounds");

            migrationBuilder.DropForeignKey(
                name: "FK_PracticeParticipants_AspNetUsers_UserId",
                table: "PracticeParticipants");

            migrationBuilder.DropForeignKey(
                name: "FK_PracticePrograms_GatheringEvents_GatheringId",
                table: "PracticePrograms");

            migrationBuilder.DropTable(
                name: "ProgramFacilitators");

            migrationBuilder.DropIndex(
                name: "IX_PracticePrograms_GatheringId",
                table: "PracticePrograms");

            migrationBuilder.DropIndex(
                name: "IX_PracticeParticipants_UserId",
                table: "PracticeParticipants");

            migrationBuilder.DropIndex(
                name: "IX_FormationRounds_ProgramId",
                table: "FormationRounds");

            migrationBuilder.DropIndex(
                name: "IX_EmailInvitations_ProgramId",
                table: "EmailInvitations");

            migrationBuilder.DropColumn(
                name: "GatheringId",
                table: "PracticePrograms");

            migrationBuilder.DropColumn(
                name: "FromGathering",
                table: "PracticeParticipants");

            migrationBuilder.DropColumn(
                name: "InvitedAt",
                table: "PracticeParticipants");

            migrationBuilder.DropColumn(
                name: "Left",
                table: "PracticeParticipants");

            migrationBuilder.DropColumn(
                name: "UserId",
                table: "PracticeParticipants");

            migrationBuilder.DropColumn(
                name: "ProgramId",
                table: "FormationRounds");

            migrationBuilder.DropColumn(
                name: "ProgramId",
                table: "EmailInvitations");

            migrationBuilder.AlterColumn<Guid>(
                name: "CongregationId",
                table: "FormationRounds",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
