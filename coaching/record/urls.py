from django.urls import path

from coaching.record import kudos_views, owner_views, views

entry = "record/entries/<int:entry_id>/"

urlpatterns = [
    path("record/", views.my_record, name="my_record"),
    path("record/export.json", owner_views.export_json, name="export_record"),
    path("record/print/", owner_views.printable, name="print_record"),
    path("people/<int:person_id>/record/", views.record, name="record"),
    path("people/<int:person_id>/record/new/<slug:kind>/", views.new_entry, name="new_entry"),
    path("people/<int:person_id>/record/erase/", owner_views.erase, name="erase_record"),
    path("people/<int:person_id>/export/", owner_views.export_person, name="export_person"),
    path("people/<int:person_id>/erase/", owner_views.erase_whole_person, name="erase_person"),
    path(entry, views.entry_detail, name="entry"),
    path(f"{entry}edit/", views.edit_entry, name="edit_entry"),
    path(f"{entry}reply/", views.reply, name="reply"),
    path(f"{entry}cheer/", kudos_views.cheer, name="cheer"),
    path(f"{entry}check-in/", views.goal_check_in, name="goal_check_in"),
    path(f"{entry}<slug:item>/add/", views.add_item, name="add_item"),
    path("record/items/<slug:item>/<int:item_id>/done/", views.item_done, name="item_done"),
    path("kudos/", kudos_views.wall, name="kudos"),
    path("kudos/give/", kudos_views.give, name="give_recognition"),
]
